def log = new File(basedir, 'build.log').text
assert log.contains("data/ip-ranges.json: not valid JSON: Unexpected character ('<' (code 60))")
assert !new File(basedir, 'target/generated-sources/ipmap').exists()
return true
