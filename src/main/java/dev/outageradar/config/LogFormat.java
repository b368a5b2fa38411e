package dev.outageradar.config;

/** How log lines are written to stderr: for a person ({@code text}) or for a log collector ({@code json}). */
public enum LogFormat {
    TEXT, JSON
}
