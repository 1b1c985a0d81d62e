package dev.registryedge.cli.prices;

/** A price list that cannot be had or does not read as documented; the message says which file and what. */
public final class PriceListException extends Exception {
    PriceListException(String message) {
        super(message);
    }
}
