System.properties.remove('registryedge.it.refresh-server').stop(0)
def log = new File(basedir, 'build.log').text
assert log.contains('syncToken 1700000000 -> 1700086400 (createDate 2023-11-14-22-13-20 -> 2023-11-15-22-13-20)')
assert log.contains('us-east-2        prefixes +1 -0, IPv4 addresses +262144 -0')
assert log.contains('[WARNING] Accepting a change of more than 10% of the addresses (IPv4 addresses +262144 -0 of' +
        ' 1507328 (+17.4% -0.0%)) as -Dipmap.acceptLargeChange=true asks')
assert new File(basedir, 'data/ip-ranges.json').text == new File(basedir, 'newer-ip-ranges.json').text
def source = new File(basedir, 'target/generated-sources/ipmap/ipmap/generated/AwsRegionMap.java').text
assert source.contains('syncToken} 1700086400')
return true
