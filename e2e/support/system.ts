// The three services as processes; kept in libs/testing so benchmarks can start the same system.
export { SERVICES, startSystem, type RunningSystem, type ServiceKey } from '@jiebang/testing';
