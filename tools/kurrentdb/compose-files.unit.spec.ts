import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOCKER_DIR, InterpolationError, dockerFile, interpolate, loadComposeFile } from './compose-files';
import { LOCAL_CONNECTION_STRING } from './plan';

/**
 * The compose files as `docker compose config` would read them, checked without Docker: against
 * the Compose Specification's JSON schema (docker/compose-spec.schema.json, a copy of
 * compose-spec/compose-spec schema/compose-spec.json), then the keys this deployment relies on.
 */
const schema = JSON.parse(readFileSync(resolve(DOCKER_DIR, 'compose-spec.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true, validateSchema: false, validateFormats: false }).compile(schema);
const ENV = { BANJIE_JWT_SECRET: 'a-test-secret-of-at-least-32-characters!' };

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; start_period?: string };
  depends_on?: Record<string, { condition: string }>;
  networks?: string[] | Record<string, { ipv4_address?: string }>;
  volumes?: string[];
  ports?: string[];
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

function load(name: string, env: Record<string, string | undefined> = ENV): ComposeFile {
  return loadComposeFile(name, env) as unknown as ComposeFile;
}

function errorsOf(file: unknown): string[] {
  return validate(file) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('compose interpolation', () => {
  it('does what Compose does with defaults, required variables and $$', () => {
    // then
    expect(interpolate('${A:-x} ${B-y} ${C:-z} $$HOME', { A: 'a', C: '' })).toBe('a y z $HOME');
    expect(() => interpolate('${SECRET:?set SECRET}', {})).toThrow(new InterpolationError('required variable SECRET is missing a value: set SECRET'));
    expect(() => interpolate('${SECRET:?set SECRET}', { SECRET: '' })).toThrow(InterpolationError);
  });
});

describe.each(['compose.yml', 'compose.kurrentdb.yml', 'compose.cluster.yml'])('%s', (name) => {
  it('is valid against the Compose Specification schema', () => {
    // when
    const file = load(name);
    // then
    expect(errorsOf(file)).toEqual([]);
    expect(Object.keys(file.services).length).toBeGreaterThan(0);
  });

  it('declares every named volume and network its services use, and gives every service a health check', () => {
    // given
    const file = load(name);
    const named = Object.values(file.services).flatMap((service) => (service.volumes ?? []).map((mount) => mount.split(':')[0]).filter((source) => !source.startsWith('.') && !source.startsWith('/')));
    const networks = Object.values(file.services).flatMap((service) => (Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {})));
    // then
    expect(named.filter((volume) => !(volume in (file.volumes ?? {})))).toEqual([]);
    expect(networks.filter((network) => !(network in (file.networks ?? {})))).toEqual([]);
    if (name !== 'compose.yml') expect(Object.entries(file.services).filter(([, service]) => !service.healthcheck?.test?.length).map(([id]) => id)).toEqual([]);
  });
});

describe('compose.cluster.yml', () => {
  const file = load('compose.cluster.yml');
  const nodes = ['kurrentdb1', 'kurrentdb2', 'kurrentdb3'];
  const replicas = ['api1', 'api2'];

  it('does not start without the shared JWT secret', () => {
    // then
    expect(() => load('compose.cluster.yml', {})).toThrow(/BANJIE_JWT_SECRET/);
  });

  it('runs three KurrentDB nodes that gossip with each other, each on its own volume', () => {
    // given
    const ips = nodes.map((node) => (file.services[node].networks as Record<string, { ipv4_address: string }>)['banjie'].ipv4_address);
    // then
    for (const [i, node] of nodes.entries()) {
      const env = file.services[node].environment!;
      expect(env['KURRENTDB_CLUSTER_SIZE']).toBe('3');
      expect(env['KURRENTDB_REPLICATION_IP']).toBe(ips[i]);
      expect(env['KURRENTDB_GOSSIP_SEED'].split(',').sort()).toEqual(ips.filter((_, j) => j !== i).map((ip) => `${ip}:${env['KURRENTDB_NODE_PORT']}`).sort());
      expect(env['KURRENTDB_NODE_HOST_ADVERTISE_AS']).toBe(node);
      expect(file.services[node].volumes).toContain(`${node}-data:/var/lib/kurrentdb`);
    }
    expect(new Set(ips).size).toBe(3);
  });

  it('runs two api replicas on the cluster with one secret, each with its own data volume, healthy only once it answers', () => {
    // then
    for (const replica of replicas) {
      const service = file.services[replica];
      const env = service.environment!;
      expect(env['BANJIE_STORE']).toBe('kurrentdb');
      expect(env['KURRENTDB_CONNECTION_STRING']).toBe('kurrentdb://kurrentdb1:2113,kurrentdb2:2113,kurrentdb3:2113?tls=false&nodePreference=leader');
      expect(env['BANJIE_JWT_SECRET']).toBe(ENV.BANJIE_JWT_SECRET);
      expect(service.volumes).toEqual([`${replica}-data:${env['BANJIE_DATA_DIR']}`]);
      expect(Object.entries(service.depends_on ?? {})).toEqual(nodes.map((node) => [node, { condition: 'service_healthy' }]));
      expect(service.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${env['PORT']}/api/health`);
      expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    }
  });

  it('puts nginx in front of both replicas, spreading requests and live streams, unbuffered and with long reads', () => {
    // given
    const proxy = file.services['proxy'];
    const conf = dockerFile('nginx.conf');
    const upstream = /upstream banjie \{([^}]*)\}/.exec(conf)?.[1] ?? '';
    // then
    expect(Object.entries(proxy.depends_on ?? {})).toEqual(replicas.map((replica) => [replica, { condition: 'service_healthy' }]));
    expect(proxy.volumes).toContain('./nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    expect([...upstream.matchAll(/server (\S+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(replicas.map((replica) => `${replica}:${file.services[replica].environment!['PORT']}`));
    expect(upstream).toContain('least_conn;');
    expect(conf).toMatch(/proxy_pass http:\/\/banjie;/);
    expect(conf).toMatch(/proxy_buffering off;/);
    expect(conf).toMatch(/proxy_http_version 1\.1;/);
    expect(conf).toMatch(/proxy_set_header Connection "";/);
    expect(conf).toMatch(/proxy_read_timeout 1h;/);
    expect(Number(/client_max_body_size (\d+)m;/.exec(conf)?.[1])).toBeGreaterThanOrEqual(6);
  });

  it('marks every insecure development default', () => {
    // given
    const text = dockerFile('compose.cluster.yml');
    // then
    for (const line of text.split('\n').filter((l) => /KURRENTDB_INSECURE|tls=false|BANJIE_SEED_DEMO:|ports:/.test(l))) {
      const at = text.indexOf(line);
      expect([line, text.slice(Math.max(0, at - 400), at + line.length).includes('INSECURE')]).toEqual([line, true]);
    }
  });
});

describe('compose.kurrentdb.yml', () => {
  it('serves the single test node where test:kurrentdb connects, on 127.0.0.1 only, in marked development mode', () => {
    // given
    const node = load('compose.kurrentdb.yml').services['kurrentdb'];
    const text = dockerFile('compose.kurrentdb.yml');
    // then
    expect(node.ports).toEqual(['127.0.0.1:2113:2113']);
    expect(new URL(LOCAL_CONNECTION_STRING.replace('kurrentdb:', 'http:')).port).toBe('2113');
    expect(node.environment).toMatchObject({ KURRENTDB_CLUSTER_SIZE: '1', KURRENTDB_INSECURE: 'true' });
    expect(text).toContain('INSECURE DEVELOPMENT MODE');
  });
});
