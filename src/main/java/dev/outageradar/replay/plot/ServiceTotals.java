package dev.outageradar.replay.plot;

/** What ranks a service for the picture: its incidents first, then how much people complained. */
record ServiceTotals(String service, int incidents, long complaints) {
}
