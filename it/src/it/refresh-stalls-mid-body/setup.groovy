import com.sun.net.httpserver.HttpServer
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

// Answers at once with the headers and half of a good snapshot, then sends nothing more:
// the limit on the whole download must end the refresh. verify.groovy releases and stops it.
def body = new File(basedir, 'data/ip-ranges.json').bytes
def release = new CountDownLatch(1)
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
server.createContext('/ip-ranges.json') { exchange ->
    exchange.sendResponseHeaders(200, body.length)
    exchange.responseBody.write(body, 0, body.length.intdiv(2))
    exchange.responseBody.flush()
    release.await()
    exchange.close()
}
server.executor = Executors.newCachedThreadPool { runnable -> def t = new Thread(runnable); t.daemon = true; t }
server.start()
System.properties.put('registryedge.it.mid-body-server', [server, release])
new File(basedir, 'before.json').bytes = new File(basedir, 'data/ip-ranges.json').bytes
new File(basedir, 'test.properties').text = "ipmap.refresh=true\nipmap.readTimeoutSeconds=2\n" +
        "ipmap.url=http://127.0.0.1:${server.address.port}/ip-ranges.json\n"
return true
