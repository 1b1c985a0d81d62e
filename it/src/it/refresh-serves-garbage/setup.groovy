import com.sun.net.httpserver.HttpServer

// Answers the download with something that is not ip-ranges.json; verify.groovy stops it.
def body = '{"syncToken": "1700086400", "prefixes": [{"ip_prefix": "not-a-cidr"'.bytes
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
server.createContext('/ip-ranges.json') { exchange ->
    exchange.sendResponseHeaders(200, body.length)
    exchange.responseBody.write(body)
    exchange.close()
}
server.start()
System.properties.put('registryedge.it.garbage-server', server)
new File(basedir, 'before.json').bytes = new File(basedir, 'data/ip-ranges.json').bytes
new File(basedir, 'test.properties').text =
        "ipmap.refresh=true\nipmap.url=http://127.0.0.1:${server.address.port}/ip-ranges.json\n"
return true
