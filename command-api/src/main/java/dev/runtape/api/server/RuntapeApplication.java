package dev.runtape.api.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Runtape service. Started by {@code runtape serve} ({@link dev.runtape.api.cli.ServeCommand}); it scans the
 * whole {@code dev.runtape.api} package.
 */
@SpringBootApplication(scanBasePackages = "dev.runtape.api")
public class RuntapeApplication {
}
