package dev.registryedge.cli;

/** The command line on the test fixture's tables, for tests that run it as a process of its own. */
final class FixtureMain {

    private FixtureMain() {}

    public static void main(String[] args) {
        System.exit(Main.run(Fixture.TABLES, args, System.in, System.out, System.err));
    }
}
