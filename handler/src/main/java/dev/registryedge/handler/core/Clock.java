package dev.registryedge.handler.core;

/** The time, injectable so that tests control expiry. */
public interface Clock {

    long millis();

    Clock SYSTEM = System::currentTimeMillis;
}
