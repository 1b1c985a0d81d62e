System.properties.remove('registryedge.it.garbage-server').stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('/ip-ranges.json: not valid JSON: Unexpected end-of-input')
assert new File(basedir, 'data/ip-ranges.json').bytes == new File(basedir, 'before.json').bytes
assert !new File(basedir, 'target/generated-sources/ipmap').exists()
return true
