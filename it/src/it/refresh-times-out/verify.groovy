def (server, release) = System.properties.remove('registryedge.it.stall-server')
release.countDown()
server.stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('/ip-ranges.json: no complete answer within 1 s (ipmap.readTimeoutSeconds, the limit on the' +
        ' whole download): try again later, or raise the limit on a slow network')
assert new File(basedir, 'data/ip-ranges.json').bytes == new File(basedir, 'before.json').bytes
assert !new File(basedir, 'target/generated-sources/ipmap').exists()
return true
