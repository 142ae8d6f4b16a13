import type { CheckFamily } from '../core/check.js';
import { envFamily } from './env.js';
import { wifiFamily } from './wifi/index.js';
import { dhcpFamily } from './dhcp/index.js';
import { dnsFamily } from './dns.js';
import { ntpFamily } from './ntp.js';
import { tcpFamily } from './tcp.js';
import { tlsFamily } from './tls.js';
import { httpsFamily } from './https.js';
import { mqttFamily } from './mqtt.js';

/** Every check family, in report order (the order a person reads a network from the bottom up). */
export const CHECK_FAMILIES: readonly CheckFamily[] = [
  envFamily,
  wifiFamily,
  dhcpFamily,
  dnsFamily,
  ntpFamily,
  tcpFamily,
  tlsFamily,
  httpsFamily,
  mqttFamily,
];
