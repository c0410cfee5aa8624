// Verifies a project's pact against the project's own provider, running as a process, with two verifiers:
// Accord's CLI (the runnable jar this build installed) and the standard Pact verifier (npm @pact-foundation/pact-cli).
// Each project's verify.groovy (invoker's post-build hook) calls the closure this script returns:
//
//   evaluate(new File(itDirectory, 'verify-pacts.groovy'))(basedir, accordCli, 'greeting-service',
//       'target/pacts/greeting-client-greeting-service.json', ['java', '-jar', 'target/app.jar', '--server.port={port}'])
//
// {port} in the provider's command is replaced with a free port. Every process started here is stopped here.
import java.util.concurrent.TimeUnit

def runToEnd = { File dir, List<String> command, Map<String, String> env ->
  def builder = new ProcessBuilder(command*.toString()).directory(dir).redirectErrorStream(true)
  builder.environment().putAll(env)
  def process = builder.start()
  def output = new StringBuilder()
  def reader = Thread.start { process.inputStream.eachLine { output.append(it).append('\n') } }
  if (!process.waitFor(180, TimeUnit.SECONDS)) {
    process.destroyForcibly()
    throw new AssertionError("${command.join(' ')} did not finish within 180 s:\n$output")
  }
  reader.join()
  [process.exitValue(), output.toString()]
}

def pactCli = {
  def configured = System.getenv('ACCORD_PACT_CLI')
  def path = configured ?: "${System.getProperty('user.home')}/.cache/accord-tools/node_modules/.bin/pact"
  if (new File(path).canExecute()) {
    return path
  }
  def why = "the standard Pact CLI is not at $path (${configured ? 'ACCORD_PACT_CLI' : 'the default place'}); " +
      "install it with: npm install --prefix ~/.cache/accord-tools @pact-foundation/pact-cli, or set ACCORD_PACT_CLI"
  if (System.getenv('CI') == 'true') {
    throw new AssertionError(why)
  }
  println "SKIPPED the standard Pact verifier: $why"
  null
}

return { File basedir, String accordCli, String providerName, String pactFile, List<String> providerCommand ->
  def pact = new File(basedir, pactFile)
  if (!pact.isFile()) {
    throw new AssertionError("$basedir: the consumer tests wrote no $pactFile; expected the pact the project's " +
        "consumer contract tests write (see target/surefire-reports)")
  }
  if (!new File(accordCli).isFile()) {
    throw new AssertionError("the Accord CLI is not at $accordCli; expected invoker:install to have put " +
        "dev.accord:cli:runnable there (integration-tests/pom.xml lists it as a dependency)")
  }
  def port = new ServerSocket(0).withCloseable { it.localPort }
  def java = "${System.getProperty('java.home')}/bin/java"
  def command = providerCommand.collect { it == 'java' ? java : it.replace('{port}', String.valueOf(port)) }*.toString()
  def providerLog = new File(basedir, 'target/provider.log')
  def provider = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
      .redirectOutput(providerLog).start()
  try {
    def deadline = System.currentTimeMillis() + 120_000
    while (true) {
      try {
        new Socket('127.0.0.1', port).close()
        break
      } catch (IOException notYet) {
        if (!provider.alive || System.currentTimeMillis() > deadline) {
          throw new AssertionError("the provider (${command.join(' ')}) did not listen on port $port within 120 s; " +
              "its output:\n${providerLog.text}")
        }
        Thread.sleep(200)
      }
    }
    def baseUrl = "http://127.0.0.1:$port"

    def (accordExit, accordOutput) = runToEnd(basedir,
        [java, '-jar', accordCli, 'verify', '--provider', providerName, '--pact-file', pact.path,
         '--provider-base-url', baseUrl], [:])
    new File(basedir, 'target/accord-verify.log').text = accordOutput
    println "accord verify ($pactFile against $baseUrl): exit $accordExit\n$accordOutput"
    if (accordExit != 0) {
      throw new AssertionError("accord verify failed (exit $accordExit) for $pactFile against $baseUrl:\n$accordOutput")
    }

    def pactVerifier = pactCli()
    if (pactVerifier != null) {
      def (pactExit, pactOutput) = runToEnd(basedir,
          [pactVerifier, 'verifier', '-f', pact.path, '--hostname', '127.0.0.1', '-p', String.valueOf(port),
           '-n', providerName, '--no-colour'], [PACT_DO_NOT_TRACK: 'true'])
      new File(basedir, 'target/pact-verifier.log').text = pactOutput
      println "pact verifier ($pactFile against $baseUrl): exit $pactExit\n$pactOutput"
      if (pactExit != 0) {
        throw new AssertionError("the standard pact verifier failed (exit $pactExit) for $pactFile against " +
            "$baseUrl:\n$pactOutput")
      }
    }
  } finally {
    provider.destroy()
    if (!provider.waitFor(20, TimeUnit.SECONDS)) {
      provider.destroyForcibly()
    }
  }
  true
}
