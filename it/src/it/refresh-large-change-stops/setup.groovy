import com.sun.net.httpserver.HttpServer

// Serves a snapshot that adds 17% to the IPv4 addresses of the map; without
// -Dipmap.acceptLargeChange=true the refresh must stop after printing the changes.
def body = new File(basedir, 'newer-ip-ranges.json').bytes
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
server.createContext('/ip-ranges.json') { exchange ->
    exchange.sendResponseHeaders(200, body.length)
    exchange.responseBody.write(body)
    exchange.close()
}
server.start()
System.properties.put('registryedge.it.large-change-server', server)
new File(basedir, 'before.json').bytes = new File(basedir, 'data/ip-ranges.json').bytes
new File(basedir, 'test.properties').text =
        "ipmap.refresh=true\nipmap.url=http://127.0.0.1:${server.address.port}/ip-ranges.json\n"
return true
