// The farm's own snapshot, configuration, package and class names; the classes compile and answer.
def generated = new File(basedir, 'target/generated-sources/ipmap/farm/edge')
def source = new File(generated, 'FarmRegions.java').text
assert source.contains('Snapshot {@code syncToken} 1700000000, {@code createDate} 2023-11-14-22-13-20.')
assert new File(generated, 'FarmRouting.java').text.contains('"farm-home-bucket"')
assert new File(basedir, 'target/classes/farm/edge/FarmRegions.class').isFile()
assert new File(basedir, 'target/classes/farm/edge/FarmRouting.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('IP map farm.edge.FarmRegions: 4 IPv4 prefixes in ')
assert log.contains('2 IPv6 prefixes in ')
assert log.contains('routing for 1 distributions')

def runtime = new File(localRepositoryPath, 'dev/registryedge/ipmap-runtime').listFiles()
        .collectMany { it.listFiles().findAll { f -> f.name.endsWith('.jar') } as List }[0]
def loader = new URLClassLoader([new File(basedir, 'target/classes').toURI().toURL(), runtime.toURI().toURL()] as URL[])
def regions = loader.loadClass('farm.edge.FarmRegions')
assert regions.regionOf('52.22.255.189') == 'us-east-1'
assert regions.regionOf('2600:1f18:4000::1') == 'us-east-1'
assert regions.regionOf('108.156.178.3') == null
assert regions.matchedPrefix('35.80.0.1') == '35.80.0.0/12'
def config = loader.loadClass('farm.edge.FarmRouting').config()
assert config.distributions().get('E3FARMDIST0001').routesFor('us-west-2')[0].target().bucket() == 'farm-replica-us-west-2'
return true
