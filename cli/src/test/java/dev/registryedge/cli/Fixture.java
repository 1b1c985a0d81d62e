package dev.registryedge.cli;

import dev.registryedge.handler.fixture.FixtureRegionMap;
import dev.registryedge.handler.fixture.FixtureRouting;

/** The handler's test fixture (its src/test/resources/fixture) as the commands' built-in tables. */
final class Fixture {

    static final BuiltIn TABLES = new BuiltIn(FixtureRouting.config(), FixtureRegionMap.map(),
            FixtureRegionMap.SYNC_TOKEN, FixtureRegionMap.CREATE_DATE);

    private Fixture() {}
}
