import com.sun.net.httpserver.HttpServer
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

// Accepts the download and never answers; verify.groovy releases and stops it.
def release = new CountDownLatch(1)
def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
server.createContext('/ip-ranges.json') { exchange ->
    release.await()
    exchange.close()
}
server.executor = Executors.newCachedThreadPool { runnable -> def t = new Thread(runnable); t.daemon = true; t }
server.start()
System.properties.put('registryedge.it.stall-server', [server, release])
new File(basedir, 'before.json').bytes = new File(basedir, 'data/ip-ranges.json').bytes
new File(basedir, 'test.properties').text = "ipmap.refresh=true\nipmap.readTimeoutSeconds=1\n" +
        "ipmap.url=http://127.0.0.1:${server.address.port}/ip-ranges.json\n"
return true
