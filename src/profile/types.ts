/**
 * What a charger needs from a site network, as data. A profile is validated against
 * `profile.schema.json` before it becomes one of these.
 */

export type EndpointProtocol = 'ntp' | 'https' | 'mqtts' | 'tls';

/**
 * How the charger verifies the server:
 * - `public`: Node's bundled Mozilla roots (what a public-root client would use);
 * - `private`: a private root zapcheck does not have (e.g. Zaptec's own CA for devices.zaptec.com): the
 *   handshake is checked, the chain is not, and only clear interception signs raise an alarm;
 * - `{ pem }`: a PEM file of private roots (path relative to the profile file);
 * - `{ issuer }`: the expected issuer name (substring of the issuer's CN or O).
 */
export type Trust = 'public' | 'private' | { pem: string } | { issuer: string };

export interface Endpoint {
  host: string;
  port: number;
  protocol: EndpointProtocol;
  trust: Trust;
  /** TLS versions the charger speaks; the probe always proves the lowest one. Default ["TLSv1.2"]. */
  tlsVersions: TlsVersion[];
  required: boolean;
  /** One line, shown in the IT allow-list. */
  why: string;
  /** For https: the path requested. Default "/". */
  path?: string;
}

export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

export type WifiBand = '2.4' | '5' | '6';
export type WifiSecurity =
  'open' | 'wep' | 'wpa' | 'wpa2-personal' | 'wpa3-personal' | 'wpa2-enterprise' | 'wpa3-enterprise' | 'owe';

export interface WifiRules {
  bands: WifiBand[];
  /** Allowed channels on 2.4 GHz. */
  channels: number[];
  /** Widest channel width in MHz the profile is happy with on 2.4 GHz. */
  maxWidthMhz: number;
  /** Security modes the charger can join. */
  security: WifiSecurity[];
  hiddenSsid: boolean;
  rssi: { passDbm: number; failDbm: number };
}

export interface DhcpRules {
  required: boolean;
  addressesPerCharger: number;
  ipv4Only: boolean;
}

export interface TrafficRules {
  mbPerChargerPerDay: number;
  mbPerSession: number;
}

export interface Profile {
  id: string;
  name: string;
  description: string;
  /** Where the profile came from: `builtin` or the file path. */
  source: string;
  endpoints: Endpoint[];
  wifi: WifiRules;
  dhcp: DhcpRules;
  traffic: TrafficRules;
  /** Keep-alive the charger uses on its MQTT connection, seconds (NAT idle timeouts must exceed it). */
  mqttKeepAliveSec: number;
  proxySupported: boolean;
}
