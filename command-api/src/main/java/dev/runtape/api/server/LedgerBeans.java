package dev.runtape.api.server;

import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.statement.Disclosures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts of the ledger node that controllers use directly. */
@Configuration(proxyBeanMethods = false)
public class LedgerBeans {

    @Bean
    public Disclosures disclosures(LedgerNode node) {
        return node.disclosures();
    }
}
