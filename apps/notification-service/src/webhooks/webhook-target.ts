import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { allowPrivateTargets, type NotificationConfig } from '../config';
import { isPrivateAddress } from './private-address';

/** Where webhooks may go. Both flags come from configuration: see `webhookTargetPolicy`. */
export interface TargetPolicy {
  /** Loopback, private and link-local targets allowed: development and tests with a local receiver only. */
  allowPrivate: boolean;
  requireHttps: boolean;
}

export function webhookTargetPolicy(config: Pick<NotificationConfig, 'NODE_ENV' | 'WEBHOOK_ALLOW_PRIVATE_TARGETS'>): TargetPolicy {
  return { allowPrivate: allowPrivateTargets(config), requireHttps: config.NODE_ENV === 'production' };
}

export type TargetRefusal = 'https-required' | 'private-address';

/**
 * Names that resolve to this host or an internal network by convention: localhost (RFC 6761), mDNS `.local`,
 * `.internal` (reserved for private use; also metadata.google.internal), `.home.arpa` and common LAN suffixes.
 */
const INTERNAL_NAME = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home\.arpa)$/;

/**
 * What can be decided from the URL alone, at registration and again before each delivery. `url.hostname` is
 * already normalised by the WHATWG parser (2130706433, 0177.0.0.1, 0x7f.1 all become 127.0.0.1; ⓛocalhost becomes
 * localhost). A single-label name is refused too: resolvers complete it with internal search domains. A public
 * name can still resolve to a private address; `publicOnlyLookup` catches that when connecting.
 */
export function refuseTarget(url: URL, policy: TargetPolicy): TargetRefusal | null {
  if (policy.requireHttps && url.protocol !== 'https:') return 'https-required';
  if (policy.allowPrivate) return null;
  const host = url.hostname.replace(/\.$/, '');
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return isPrivateAddress(host) ? 'private-address' : null;
  return !host.includes('.') || INTERNAL_NAME.test(host) ? 'private-address' : null;
}

/** A connection refused because the name resolved to a private address; its message is the delivery's error. */
export class TargetBlocked extends Error {
  constructor(readonly hostname: string) {
    super('blocked: resolves to a private address');
    this.name = 'TargetBlocked';
  }
}

type Resolve = (hostname: string, options: LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for the HTTP agent: resolves the name, refuses it if any answer is private, and hands the socket the
 * addresses it checked — so the connection goes where the check looked, and DNS rebinding between a check and the
 * connect has no window. (IP literals skip `lookup` altogether; `refuseTarget` judges those.)
 */
export function publicOnlyLookup(resolve: Resolve = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
        return callback(new TargetBlocked(hostname), '', 0);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
