import com.sun.net.httpserver.HttpServer

// Serves a newer snapshot on loopback for the refresh; verify.groovy stops it. The change is
// large for so small a map (17% more IPv4 addresses), so the refresh is confirmed.
def body = new File(basedir, 'newer-ip-ranges.json').bytes
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
server.createContext('/ip-ranges.json') { exchange ->
    exchange.sendResponseHeaders(200, body.length)
    exchange.responseBody.write(body)
    exchange.close()
}
server.start()
System.properties.put('registryedge.it.refresh-server', server)
new File(basedir, 'test.properties').text =
        "ipmap.refresh=true\nipmap.acceptLargeChange=true\n" +
        "ipmap.url=http://127.0.0.1:${server.address.port}/ip-ranges.json\n"
return true
