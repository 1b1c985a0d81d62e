// Every problem of the configuration is named, with its path and value, and nothing is generated.
def log = new File(basedir, 'build.log').text
[
    "routing.json: presignValiditySeconds: 10 is outside 60..604800",
    "routing.json: targets.home.bucket: 'Farm_Home' is not a valid S3 bucket name",
    "routing.json: targets.home.region: 'us-est-1' is not a region in the snapshot (did you mean us-east-1?)",
    "routing.json: replicas.us-west-2[0]: 'nowhere' is not defined under targets",
    "routing.json: distributions.E3FARMDIST0001.routes.ap-south-1: 'ap-south-1' is not a region in the snapshot",
].each { assert log.contains(it) : "missing from the build log: " + it }
assert !new File(basedir, 'target/generated-sources/ipmap').exists()
return true
