System.properties.remove('registryedge.it.large-change-server').stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('us-east-2        prefixes +1 -0, IPv4 addresses +262144 -0')
assert log.contains('/ip-ranges.json: the new snapshot changes the region of more than 10% of the addresses: IPv4' +
        ' addresses +262144 -0 of 1507328 (+17.4% -0.0%). Review the changes listed above; if AWS really changed' +
        ' this much, run again with -Dipmap.acceptLargeChange=true. The snapshot and the generated sources are left' +
        ' as they were')
assert new File(basedir, 'data/ip-ranges.json').bytes == new File(basedir, 'before.json').bytes
assert !new File(basedir, 'target/generated-sources/ipmap').exists()
return true
