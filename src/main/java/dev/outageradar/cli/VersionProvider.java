package dev.outageradar.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest; "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = OutageRadarCli.class.getPackage().getImplementationVersion();
        return new String[] {"outage-radar " + (version == null ? "development" : version)};
    }
}
