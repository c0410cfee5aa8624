// the HTTP pact, verified against PriceServer by `accord verify` and by the standard pact verifier
evaluate(new File(itDirectory, 'verify-pacts.groovy'))(basedir, accordCli, 'price-service',
    'target/pacts/price-client-price-service.json',
    ['java', '-cp', 'target/classes', 'it.accord.prices.PriceServer', '{port}'])
