package dev.runtape.api.cli;

import picocli.CommandLine;

/** The version of the running jar, from its manifest. */
final class RuntapeVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RuntapeVersion.class.getPackage().getImplementationVersion();
        return new String[] {"runtape " + (version == null ? "(development build)" : version)};
    }
}
