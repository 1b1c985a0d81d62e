// 1. The release build, as a release manager runs it (version from -Drevision, sources and Javadoc
//    jars), on a copy of the sources, deployed to a file repository and installed nowhere.
// 2. A farm with its own, empty local repository that names only that repository (and, for
//    Maven's own plugins, the developer's local repository as a remote one): the plugin and the
//    runtime can come from nowhere else.
def root = new File(basedir, '../../../..').canonicalFile
def work = new File(basedir, 'work')
def sources = new File(work, 'sources')
def releaseRepo = new File(work, 'release-repo')
def ownRepo = new File(work, 'farm-local-repo')
[sources, releaseRepo, ownRepo].each { it.deleteDir(); it.mkdirs() }
def copy = { String path ->
    def from = root.toPath().resolve(path)
    java.nio.file.Files.walk(from).withCloseable { paths ->
        paths.each { source ->
            def target = sources.toPath().resolve(root.toPath().relativize(source).toString())
            if (java.nio.file.Files.isDirectory(source)) {
                java.nio.file.Files.createDirectories(target)
            } else {
                java.nio.file.Files.createDirectories(target.parent)
                java.nio.file.Files.copy(source, target)
            }
        }
    }
}
['pom.xml', 'aws-stand-ins/pom.xml', 'handler/pom.xml', 'cli/pom.xml', 'it/pom.xml', 'ipmap-runtime/pom.xml', 'ipmap-runtime/src/main',
 'ipmap-maven-plugin/pom.xml',
 'ipmap-maven-plugin/src/main'].each(copy)
// The Maven under test: invoker.mavenHome when the scenarios run on another Maven (CI runs 3.9 too).
def mvn = new File(System.getProperty('invoker.mavenHome') ?: System.getProperty('maven.home'), 'bin/mvn').path
def version = '0.1.0-sample'

def run(List command, File dir, File log) {
    def process = new ProcessBuilder(command.collect { it.toString() }).directory(dir).redirectErrorStream(true).start()
    log.withOutputStream { out -> process.inputStream.transferTo(out) }
    assert process.waitFor() == 0 : "${command.join(' ')} failed; see ${log}"
}

def release = { File repo, String log ->
    run([mvn, '-B', '-Prelease', "-Drevision=${version}", '-pl', 'ipmap-runtime,ipmap-maven-plugin', '-am',
         '-DskipTests', '-Dmaven.install.skip=true', "-DaltDeploymentRepository=farm-release::${repo.toURI()}",
         'clean', 'deploy'], sources, new File(basedir, log))
}
release(releaseRepo, 'release.log')
// Twice, from clean: verify.groovy compares what the two deployed, byte for byte.
def again = new File(work, 'release-repo-again')
again.deleteDir()
release(again, 'release-again.log')

def settings = new File(work, 'settings.xml')
settings.text = """<settings><profiles><profile><id>maven-plugins</id>
  <activation><activeByDefault>true</activeByDefault></activation>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${new File(localRepositoryPath.path).toURI()}</url></pluginRepository></pluginRepositories>
  <repositories><repository><id>local.central</id><url>${new File(localRepositoryPath.path).toURI()}</url></repository></repositories>
</profile></profiles></settings>"""
run([mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${ownRepo.path}", "-Drelease.version=${version}",
     "-Drelease.repository=${releaseRepo.toURI()}", 'compile'],
    new File(basedir, 'farm'), new File(basedir, 'farm.log'))
return true
