// the HTTP pact, verified against the packaged application by `accord verify` and by the standard pact verifier
evaluate(new File(itDirectory, 'verify-pacts.groovy'))(basedir, accordCli, 'stock-service',
    'target/pacts/stock-client-stock-service.json',
    ['java', '-jar', 'target/spring-boot-4-jackson-3-1.0.jar', '--server.port={port}'])
