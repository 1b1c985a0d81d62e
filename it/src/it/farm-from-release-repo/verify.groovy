// The release repository holds the plugin, the runtime and their parent, with sources and Javadoc;
// the farm built with them, and its own local repository says they came from that repository.
def work = new File(basedir, 'work')
def version = '0.1.0-sample'
def released = new File(work, 'release-repo/dev/registryedge')
['ipmap-runtime', 'ipmap-maven-plugin'].each { artifact ->
    def dir = new File(released, "${artifact}/${version}")
    ['.jar', '-sources.jar', '-javadoc.jar', '.pom'].each { suffix ->
        assert new File(dir, "${artifact}-${version}${suffix}").isFile() : "${artifact}${suffix} was not deployed"
    }
    def pom = new File(dir, "${artifact}-${version}.pom").text
    assert !pom.contains('${revision}') : 'the deployed POM names its version'
}
assert new File(released, "registry-edge-parent/${version}/registry-edge-parent-${version}.pom").isFile()

def own = new File(work, 'farm-local-repo/dev/registryedge')
['ipmap-runtime', 'ipmap-maven-plugin'].each { artifact ->
    def origin = new File(own, "${artifact}/${version}/_remote.repositories").text
    assert origin.contains('>farm-release=') : "${artifact} came from elsewhere: ${origin}"
    assert !origin.contains('local.central') : origin
}
assert new File(basedir, 'farm/target/classes/farm/edge/AwsRegionMap.class').isFile()
assert new File(basedir, 'farm/target/classes/farm/edge/RoutingTable.class').isFile()
return true
