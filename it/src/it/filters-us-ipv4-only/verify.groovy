// Region and service filters, IPv4 only: the map holds nothing else.
def source = new File(basedir, 'target/generated-sources/ipmap/ipmap/generated/AwsRegionMap.java').text
assert source.contains('Selection: services [EC2, AMAZON], regions [us-&#42;], IPv4 only.')
assert source.contains('new String[] {"us-east-1", "us-east-2", "us-west-2"}')
assert source.contains('public static final int IPV6_PREFIXES = 0;')
// 52.20.0.0/14 is published for both AMAZON and EC2: one prefix, counted twice, one interval.
assert source.contains('public static final int IPV4_PREFIXES = 4;')
assert new File(basedir, 'target/classes/ipmap/generated/AwsRegionMap.class').isFile()
return true
