const mockCreated: { service: string; exporter: string; started: number; stopped: number }[] = [];
const mockLoads = { count: 0 };
const created = mockCreated;

// The SDK module is replaced, so this test sees whether (and how) startTracing loads it without starting one.
jest.mock('./sdk', () => {
  mockLoads.count++;
  return {
    createSdk: (service: string, exporter: string) => {
      const sdk = { service, exporter, started: 0, stopped: 0 };
      mockCreated.push(sdk);
      return { start: () => void sdk.started++, shutdown: async () => void sdk.stopped++ };
    },
  };
});

describe('startTracing', () => {
  beforeEach(() => {
    created.length = 0;
    mockLoads.count = 0;
    jest.resetModules();
  });

  const load = () => require('./start') as typeof import('./start');

  it('is off by default: the SDK module is not even loaded, and stopping is a no-op', async () => {
    const { startTracing, stopTracing } = load();
    expect(startTracing('challenge-service', {})).toBe(false);
    expect(mockLoads.count).toBe(0);
    expect(created).toEqual([]);
    await stopTracing();
  });

  it('starts one SDK named after the service when an OTLP endpoint is set, and flushes it on stop', async () => {
    const { startTracing, stopTracing } = load();
    expect(startTracing('notification-service', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(startTracing('notification-service', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(created).toEqual([{ service: 'notification-service', exporter: 'otlp', started: 1, stopped: 0 }]);
    expect(mockLoads.count).toBe(1);
    await stopTracing();
    expect(created[0].stopped).toBe(1);
  });

  it('lets OTEL_SERVICE_NAME override the name', () => {
    load().startTracing('matching-service', { OTEL_TRACES_EXPORTER: 'console', OTEL_SERVICE_NAME: 'matching-canary' });
    expect(created).toMatchObject([{ service: 'matching-canary', exporter: 'console', started: 1 }]);
  });
});
