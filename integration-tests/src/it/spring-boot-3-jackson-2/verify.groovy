// the HTTP pact, verified against the packaged application by `accord verify` and by the standard pact verifier
evaluate(new File(itDirectory, 'verify-pacts.groovy'))(basedir, accordCli, 'greeting-service',
    'target/pacts/greeting-client-greeting-service.json',
    ['java', '-jar', 'target/spring-boot-3-jackson-2-1.0.jar', '--server.port={port}'])
