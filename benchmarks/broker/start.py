#!/usr/bin/env python3
"""Broker start-up benchmark (run through start.sh; see the header there and docs/performance.md).

Times whole processes from the moment the JVM is launched to the first `GET /` answered 200, and to the first
answer that needs the database (`GET /pacticipants`), with the process's CPU (user + sys) and peak RSS read from
/proc at the first answer. The floor is a hello-world jar that answers `GET /` from the JDK's own HTTP server,
timed the same way on the same JDK. Every process and database this script creates is stopped or dropped however
it ends.
"""
import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

TICK = os.sysconf('SC_CLK_TCK')
children = []      # running Popen objects
databases = []     # PostgreSQL databases still to drop
pg_env = {}


class Stop(Exception):
    pass


def on_signal(signum, _frame):
    raise Stop(f'signal {signum}')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def load():
    return open('/proc/loadavg').read().split()[0]


def get(port, path):
    try:
        c = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
        c.request('GET', path, headers={'Accept': 'application/hal+json'})
        r = c.getresponse()
        r.read()
        c.close()
        return r.status
    except OSError:
        return None


def put_json(port, path, body):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    c.request('PUT', path, body=json.dumps(body), headers={'Content-Type': 'application/json'})
    r = c.getresponse()
    r.read()
    c.close()
    if r.status not in (200, 201):
        raise RuntimeError(f'PUT {path} answered {r.status}')


def proc_figures(pid):
    stat = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / TICK
    rss = 0
    for line in open(f'/proc/{pid}/status'):
        if line.startswith('VmHWM'):
            rss = int(line.split()[1]) // 1024
    return cpu, rss


def stop(p):
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    if p in children:
        children.remove(p)


def launch(cmd, cwd, env, log):
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=open(log, 'w'), stderr=subprocess.STDOUT,
                         start_new_session=True)
    children.append(p)
    return p


def start_and_measure(cmd, cwd, env, port, log, db_path, limit=600):
    """Launches cmd; returns (wall to GET / 200, wall to the first database answer, CPU s, peak RSS MiB)."""
    load_before = load()
    t0 = time.monotonic()
    p = launch(cmd, cwd, env, log)
    first = None
    while True:
        if p.poll() is not None:
            raise RuntimeError(f'{cmd[0]} exited with {p.returncode} while starting; see {log}:\n'
                               + ''.join(open(log).readlines()[-30:]))
        if time.monotonic() - t0 > limit:
            stop(p)
            raise RuntimeError(f'no answer within {limit} s; see {log}')
        if get(port, '/') == 200:
            first = time.monotonic() - t0
            break
        time.sleep(0.01)
    cpu, rss = proc_figures(p.pid)
    db = first
    if db_path:
        while get(port, db_path) != 200:
            if p.poll() is not None or time.monotonic() - t0 > limit:
                stop(p)
                raise RuntimeError(f'{db_path} never answered 200; see {log}')
            time.sleep(0.01)
        db = time.monotonic() - t0
    figures = dict(wall=first, db=db, cpu=cpu, rss=rss, load=load_before)
    if db_path:
        # the first web UI page after the start: what a person opening the broker waits for (templates, the JIT)
        t1 = time.monotonic()
        ui_status = get(port, '/ui')
        figures['ui'] = time.monotonic() - t1
        if ui_status != 200:
            raise RuntimeError(f'GET /ui answered {ui_status}; see {log}')
    return p, figures


def psql_env():
    env = dict(os.environ)
    env.setdefault('PGHOST', '127.0.0.1')
    env.setdefault('PGPORT', '5432')
    env.setdefault('PGUSER', 'postgres')
    return env


def createdb():
    name = f'accord_start_{int(time.time())}_{os.getpid()}_{len(databases)}'
    subprocess.run(['createdb', name], env=pg_env, check=True)
    databases.append(name)
    return name


def dropdb(name):
    subprocess.run(['dropdb', '--if-exists', name], env=pg_env, check=False)
    if name in databases:
        databases.remove(name)


def floor_jar(work, java_home):
    src = os.path.join(work, 'floor')
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, 'Hello.java'), 'w') as f:
        f.write('''import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
public class Hello {
  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\\"hello\\":\\"world\\"}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }
}
''')
    jdk = os.path.join(java_home, 'bin')
    subprocess.run([os.path.join(jdk, 'javac'), '--release', '17', '-d', src, os.path.join(src, 'Hello.java')], check=True)
    with open(os.path.join(src, 'manifest.txt'), 'w') as f:
        f.write('Main-Class: Hello\n')
    jar = os.path.join(work, 'hello.jar')
    subprocess.run([os.path.join(jdk, 'jar'), 'cfm', jar, os.path.join(src, 'manifest.txt'), '-C', src, 'Hello.class'],
                   check=True)
    return jar


def seed_h2(java, jar, work):
    """An H2 directory with data: 20 pacticipants, 100 consumer versions, 200 pacts published through the API."""
    d = os.path.join(work, 'h2-seed')
    os.makedirs(d)
    port = free_port()
    p, _ = start_and_measure([java, '-jar', jar, f'--server.port={port}', '--server.address=127.0.0.1'], d,
                             dict(os.environ), port, os.path.join(work, 'seed.log'), None)
    try:
        for c in range(10):
            for v in range(10):
                for prov in range(2):
                    consumer, provider = f'consumer-{c}', f'provider-{prov}'
                    pact = {'consumer': {'name': consumer}, 'provider': {'name': provider},
                            'interactions': [{'description': f'get thing {i} v{v}', 'providerStates': [{'name': 'things exist'}],
                                              'request': {'method': 'GET', 'path': f'/things/{i}'},
                                              'response': {'status': 200, 'body': {'id': i, 'name': 'x' * (v + 1)}}}
                                             for i in range(5)],
                            'metadata': {'pactSpecification': {'version': '3.0.0'}}}
                    put_json(port, f'/pacts/provider/{provider}/consumer/{consumer}/version/1.0.{v}', pact)
    finally:
        stop(p)
    return d


def prepare_db(kind, work, seeded, run_id):
    """Returns (cwd, extra env) for one start: a fresh H2 dir, a copy of the seeded one, or a new PostgreSQL database."""
    cwd = os.path.join(work, f'run-{run_id}')
    env = dict(os.environ)
    for k in ('SPRING_DATASOURCE_URL', 'SPRING_DATASOURCE_USERNAME', 'SPRING_DATASOURCE_PASSWORD'):
        env.pop(k, None)
    if kind == 'h2-data':
        shutil.copytree(seeded, cwd)
    else:
        os.makedirs(cwd)
    name = None
    if kind == 'postgres':
        name = createdb()
        env['SPRING_DATASOURCE_URL'] = f"jdbc:postgresql://{pg_env['PGHOST']}:{pg_env['PGPORT']}/{name}"
        env['SPRING_DATASOURCE_USERNAME'] = pg_env['PGUSER']
        env['SPRING_DATASOURCE_PASSWORD'] = pg_env.get('PGPASSWORD', '')
    return cwd, env, name


def median_range(values, fmt='{:.2f}'):
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('runs', type=int)
    ap.add_argument('--jar', required=True)
    ap.add_argument('--java25', default='')
    ap.add_argument('--databases', default='h2-fresh,h2-data,postgres')
    ap.add_argument('--variants', default='jar,launcher,cds,launcher25,aot')
    ap.add_argument('--baseline-jar', default='', help='another broker jar (an earlier build) started the same '
                    'ways, each variant v as "base-v" just before it')
    args = ap.parse_args()
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)
    global pg_env
    pg_env = psql_env()
    work = tempfile.mkdtemp(prefix='accord-start-')
    java17_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which('java'))))
    java17 = os.path.join(java17_home, 'bin', 'java')
    java25 = os.path.join(args.java25, 'bin', 'java') if args.java25 else ''
    variants = args.variants.split(',')
    for v in ('aot', 'launcher25'):
        if v in variants and not (java25 and os.path.exists(java25)):
            print(f'== no JDK 25 at {args.java25 or "(none given)"}: the {v} variant is left out')
            variants.remove(v)
    kinds = args.databases.split(',')
    failed = False
    try:
        version = lambda j: subprocess.run([j, '-version'], capture_output=True, text=True).stderr.splitlines()[0]
        print(f'== machine: {os.cpu_count()} cores, {version(java17)}' + (f'; {version(java25)}' if {'aot', 'launcher25'} & set(variants) else ''))
        print(f'== load average before: {" ".join(open("/proc/loadavg").read().split()[:3])}')
        t = time.monotonic()
        commands = {}
        extra_env = {}
        jars = {'': args.jar}
        if args.baseline_jar:
            jars['base-'] = args.baseline_jar
        launcher = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'broker-server', 'bin',
                                'accord-broker')
        for prefix, jar in jars.items():
            commands[prefix + 'jar'] = [java17, '-jar', jar]
            for v, home in (('launcher', java17_home), ('launcher25', args.java25)):
                if v not in variants:
                    continue
                # the README's way: bin/accord-broker (with JDK 25, its AOT cache), its first start (extraction and
                # training) made here, untimed
                commands[prefix + v] = [launcher]
                extra_env[prefix + v] = {'ACCORD_BROKER_JAR': jar, 'JAVA_HOME': home,
                                         'ACCORD_CACHE_DIR': os.path.join(work, prefix + v + '-cache')}
                prep = os.path.join(work, prefix + v + '-first')
                os.makedirs(prep)
                env = dict(os.environ, **extra_env[prefix + v])
                env.pop('ACCORD_BROKER_JAVA_OPTS', None)
                env.pop('ACCORD_CDS', None)
                log = os.path.join(work, f'{prefix}{v}-first.log')
                port = free_port()
                p, _ = start_and_measure([launcher, f'--server.port={port}', '--server.address=127.0.0.1'],
                                         prep, env, port, log, None)
                stop(p)
                if 'class archive ready' not in open(log).read():
                    raise RuntimeError(f'the launcher did not make its class archive on its first start; see {log}')
            if 'cds' not in variants and 'aot' not in variants:
                continue
            # the extracted layout: a thin jar (named as the jar) beside lib/, with its archives
            extracted = os.path.join(work, prefix + 'extracted')
            subprocess.run([java17, '-Djarmode=tools', '-jar', jar, 'extract', '--destination', extracted],
                           check=True, stdout=subprocess.DEVNULL)
            thin = os.path.join(extracted, os.path.basename(jar))
            # the broker's training run (requests answered, then exit) when the jar has it, else Spring's exit at refresh
            with zipfile.ZipFile(jar) as z:
                trains = 'BOOT-INF/classes/dev/accord/broker/training/TrainingRun.class' in z.namelist()
            training = (['-jar', thin, '--spring.datasource.url=jdbc:h2:mem:training', '--accord.broker.training-run=true',
                         '--server.port=0'] if trains else
                        ['-Dspring.context.exit=onRefresh', '-jar', thin, '--spring.datasource.url=jdbc:h2:mem:training'])
            print(f'== {prefix or "this "}jar: archives trained with ' + ('the training run' if trains else 'onRefresh'))
            jsa, aot = os.path.join(extracted, 'broker-server.jsa'), os.path.join(extracted, 'broker-server.aot')
            for v, cmd in (('cds', [java17, f'-XX:ArchiveClassesAtExit={jsa}']), ('aot', [java25, f'-XX:AOTCacheOutput={aot}'])):
                if v in variants:
                    log = os.path.join(work, f'training-{prefix}{v}.log')
                    p = launch(cmd + training, work, dict(os.environ), log)
                    if p.wait() != 0:
                        raise RuntimeError(f'the training start for {prefix}{v} exited with {p.returncode}; see {log}')
                    children.remove(p)
            commands[prefix + 'cds'] = [java17, f'-XX:SharedArchiveFile={jsa}', '-Xlog:cds=off', '-Xlog:cds+dynamic=off',
                                        '-jar', thin]
            commands[prefix + 'aot'] = [java25, f'-XX:AOTCache={aot}', '-jar', thin]
        if 'cds' in variants or 'aot' in variants:
            print(f'== extracted and trained the archives in {time.monotonic() - t:.1f} s (not counted)')
        if args.baseline_jar:
            variants = [p + v for v in variants for p in ('base-', '')]
        floors = {v: (java25 if v.endswith('aot') or v.endswith('25') else java17) for v in variants}
        seeded = seed_h2(java17, args.jar, work) if 'h2-data' in kinds else None
        hello = floor_jar(work, java17_home)
        results = {}
        run_id = 0
        for i in range(1, args.runs + 1):
            for java in sorted(set(floors[v] for v in variants)):
                port = free_port()
                run_id += 1
                cwd = os.path.join(work, f'run-{run_id}')
                os.makedirs(cwd)
                p, r = start_and_measure([java, '-jar', hello, str(port)], cwd, dict(os.environ), port,
                                         os.path.join(work, 'floor.log'), None)
                stop(p)
                label = f'floor (hello-world jar, JDK {"25" if java == java25 else "17"})'
                results.setdefault(label, []).append(r)
                print(f'run {i} {label:42s} first answer {r["wall"]:6.2f} s, CPU {r["cpu"]:5.2f} s, RSS {r["rss"]:4d} MiB,'
                      f' load {r["load"]}', flush=True)
            for kind in kinds:
                for v in variants:
                    run_id += 1
                    port = free_port()
                    cwd, env, name = prepare_db(kind, work, seeded, run_id)
                    env.update(extra_env.get(v, {}))
                    log = os.path.join(work, f'broker-{run_id}.log')
                    try:
                        p, r = start_and_measure(commands[v] + [f'--server.port={port}', '--server.address=127.0.0.1'],
                                                 cwd, env, port, log, '/pacticipants')
                        stop(p)
                    finally:
                        if name:
                            dropdb(name)
                        shutil.rmtree(cwd, ignore_errors=True)
                    label = f'{kind}, {v}'
                    results.setdefault(label, []).append(r)
                    print(f'run {i} {label:42s} GET / {r["wall"]:6.2f} s, first database answer {r["db"]:6.2f} s, '
                          f'first /ui {r.get("ui", 0):5.2f} s, CPU {r["cpu"]:5.2f} s, RSS {r["rss"]:4d} MiB, load {r["load"]}',
                          flush=True)
        print()
        print(f'{"variant":42s} {"GET / 200, s":20s} {"DB answer, s":20s} {"first /ui, s":20s} {"CPU, s":20s} '
              f'{"RSS MiB":8s} {"x floor":7s} load')
        floor_median = {}
        for label, rs in results.items():
            if label.startswith('floor'):
                floor_median['25' if 'JDK 25' in label else '17'] = statistics.median(r['wall'] for r in rs)
        for label, rs in results.items():
            jdk = '25' if (label.endswith('aot') or 'JDK 25' in label) else '17'
            ratio = statistics.median(r['wall'] for r in rs) / floor_median[jdk]
            loads = sorted(float(r['load']) for r in rs)
            uis = [r['ui'] for r in rs if 'ui' in r]
            print(f'{label:42s} {median_range([r["wall"] for r in rs]):20s} {median_range([r["db"] for r in rs]):20s} '
                  f'{(median_range(uis) if uis else "-"):20s} {median_range([r["cpu"] for r in rs]):20s} {max(r["rss"] for r in rs):<8d} {ratio:<7.1f} '
                  f'{loads[0]:.1f}-{loads[-1]:.1f}')
        print(f'== load average after: {" ".join(open("/proc/loadavg").read().split()[:3])}')
    except (Stop, RuntimeError, subprocess.CalledProcessError) as e:
        print(f'start.sh: stopped: {e}', file=sys.stderr)
        failed = True
    finally:
        for p in list(children):
            stop(p)
        for name in list(databases):
            dropdb(name)
        if failed:
            print(f'start.sh: logs kept in {work}', file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
