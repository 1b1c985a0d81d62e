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

// The release build twice gives the same bytes (maven-metadata.xml records when it was deployed).
def sizes = []
released.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (file.name.startsWith('maven-metadata')) {
        return
    }
    def twin = new File(file.path.replace('/release-repo/', '/release-repo-again/'))
    assert twin.isFile() : "only the first release has ${file.name}"
    assert java.util.Arrays.equals(file.bytes, twin.bytes) : "${file.name} differs between two release builds"
    if (!file.name.endsWith('.sha1') && !file.name.endsWith('.md5')) {
        sizes << "${file.name} ${file.length()}"
    }
}
// The runtime generated code stands on stays small and needs nothing at run time.
def runtimePom = new File(released, "ipmap-runtime/${version}/ipmap-runtime-${version}.pom").text
assert runtimePom.count('<dependency>') == runtimePom.count('<scope>test</scope>') : 'the runtime has a dependency'
assert new File(released, "ipmap-runtime/${version}/ipmap-runtime-${version}.jar").length() < 40_000

println "released artifacts (identical in two builds): ${sizes.sort().join(', ')}"

def own = new File(work, 'farm-local-repo/dev/registryedge')
['ipmap-runtime', 'ipmap-maven-plugin'].each { artifact ->
    def origin = new File(own, "${artifact}/${version}/_remote.repositories").text
    assert origin.contains('>farm-release=') : "${artifact} came from elsewhere: ${origin}"
    assert !origin.contains('local.central') : origin
}
assert new File(basedir, 'farm/target/classes/farm/edge/AwsRegionMap.class').isFile()
assert new File(basedir, 'farm/target/classes/farm/edge/RoutingTable.class').isFile()
return true
