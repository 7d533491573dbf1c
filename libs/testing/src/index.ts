// Everything a service's integration or e2e test needs: the infrastructure helpers plus booting a service in-process.
export * from '@jiebang/test-infra';
export * from './service-app';
export * from './system';
export * from './fuzz';
