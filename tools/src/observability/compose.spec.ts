import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';

const ROOT = resolve(__dirname, '../../..');
const SERVICES = ['challenge-service', 'matching-service', 'notification-service'];

interface ComposeService {
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  command?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
}
interface PrometheusConfig {
  scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
}

/** YAML 1.1 merge keys (`<<: *service-env`), which compose applies and js-yaml 5 leaves as a plain `<<` key. */
function applyMerges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(applyMerges);
  if (node === null || typeof node !== 'object') return node;
  const { '<<': merged, ...own } = node as Record<string, unknown>;
  const bases = (merged === undefined ? [] : Array.isArray(merged) ? merged : [merged]).map(applyMerges) as object[];
  const ownResolved = Object.fromEntries(Object.entries(own).map(([k, v]) => [k, applyMerges(v)]));
  return Object.assign({}, ...bases.reverse(), ownResolved);
}

// No Docker engine here: the files are checked as data, the way `docker compose config` would read them.
const compose = applyMerges(load(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'))) as Compose;

function mountedPrometheusConfig(): { host: string; container: string } {
  const mount = compose.services.prometheus.volumes!.find((v) => v.endsWith('/etc/prometheus/prometheus.yml:ro'))!;
  const [host, container] = mount.split(':');
  return { host: resolve(ROOT, host), container };
}

describe('docker-compose observability (Prometheus, Jaeger)', () => {
  const prometheus = load(readFileSync(mountedPrometheusConfig().host, 'utf8')) as PrometheusConfig;

  it('mounts an existing scrape config at the path Prometheus is started with', () => {
    expect(existsSync(mountedPrometheusConfig().host)).toBe(true);
    expect(compose.services.prometheus.command).toContain(`--config.file=${mountedPrometheusConfig().container}`);
  });

  it('scrapes exactly the three services, each at its compose host name and the port it listens on', () => {
    const targets = prometheus.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((c) => c.targets.map((t) => ({ job: job.job_name, target: t, path: job.metrics_path ?? '/metrics' }))),
    );
    expect(targets.map((t) => t.job).sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) {
      const definition = compose.services[service];
      expect(definition).toBeDefined();
      const port = definition.environment!.PORT;
      expect(port).toMatch(/^\d+$/);
      expect(definition.ports).toContain(`${port}:${port}`);
      expect(targets.filter((t) => t.job === service)).toEqual([{ job: service, target: `${service}:${port}`, path: '/metrics' }]);
    }
  });

  it('runs Jaeger with OTLP enabled and points every service exporter at its OTLP/HTTP port', () => {
    const jaeger = compose.services.jaeger;
    expect(jaeger.image).toMatch(/^jaegertracing\/all-in-one:/);
    expect(jaeger.environment!.COLLECTOR_OTLP_ENABLED).toBe('true');
    expect(jaeger.ports).toEqual(expect.arrayContaining(['16686:16686', '4318:4318']));
    for (const service of SERVICES) {
      expect(compose.services[service].environment!.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://jaeger:4318');
    }
  });
});
