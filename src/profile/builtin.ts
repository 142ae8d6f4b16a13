/**
 * Built-in profiles. Sources: ../shared/REQUIREMENTS.md (page 57 of the ZapCharger Pro manual, Zaptec's
 * help centre, the public Zaptec Go firmware source). They are written in the profile-file format and go
 * through the same validation as a user's file.
 */

export const ZAPTEC_PRO = {
  id: 'zaptec-pro',
  name: 'Zaptec Pro',
  description:
    'ZapCharger Pro (installation manual p. 57): 2.4 GHz Wi-Fi ch 1-11, DHCP, DNS, NTP, HTTPS 443, MQTT/TLS 8883.',
  endpoints: [
    {
      host: 'no.pool.ntp.org',
      port: 123,
      protocol: 'ntp',
      required: true,
      why: 'Clock sync (NTP, UDP 123): the IoT Hub refuses a charger whose clock is over 5 minutes off.',
    },
    {
      host: 'zapcloud.azure-devices.net',
      port: 8883,
      protocol: 'mqtts',
      trust: 'public',
      required: true,
      why: 'Main channel to ZapCloud (MQTT over TLS 1.2 to an Azure IoT Hub): status up, start/stop commands down.',
    },
    {
      host: 'zapcloud-api.azurewebsites.net',
      port: 443,
      protocol: 'https',
      trust: 'public',
      required: true,
      why: 'ZapCloud API over HTTPS, used for firmware updates.',
    },
    {
      host: 'devices.zaptec.com',
      port: 443,
      protocol: 'https',
      trust: 'private',
      required: true,
      why: 'Firmware updates over HTTPS; the charger verifies this host against a private Zaptec root CA.',
    },
    {
      host: 'api.zaptec.com',
      port: 443,
      protocol: 'https',
      trust: 'public',
      required: true,
      why: 'Zaptec API over HTTPS, used for firmware updates.',
    },
  ],
  wifi: {
    bands: ['2.4'],
    channels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    maxWidthMhz: 20,
    security: ['wpa2-personal', 'wpa3-personal', 'wpa'],
    hiddenSsid: false,
    rssi: { passDbm: -67, failDbm: -74 },
  },
  dhcp: { required: true, addressesPerCharger: 1, ipv4Only: true },
  traffic: { mbPerChargerPerDay: 3, mbPerSession: 5 },
  mqttKeepAliveSec: 300,
  proxySupported: false,
};

export const ZAPTEC_GO = {
  ...ZAPTEC_PRO,
  id: 'zaptec-go',
  name: 'Zaptec Go',
  description:
    'Zaptec Go: the Pro endpoints plus the NTP servers of its firmware; IPv4 and DHCP only, no proxy, no 802.1X, WPA3-only networks unsupported.',
  endpoints: [
    {
      host: 'pool.ntp.org',
      port: 123,
      protocol: 'ntp',
      required: false,
      why: 'Fallback clock sync (NTP, UDP 123) used by the Go firmware.',
    },
    ...ZAPTEC_PRO.endpoints,
    {
      host: 'europe.pool.ntp.org',
      port: 123,
      protocol: 'ntp',
      required: false,
      why: 'Fallback clock sync (NTP, UDP 123) used by the Go firmware.',
    },
  ],
  wifi: {
    ...ZAPTEC_PRO.wifi,
    // WPA3-SAE is compiled out of the Go firmware: a WPA3-only network cannot be joined; mixed WPA2/WPA3 works.
    security: ['wpa2-personal', 'wpa'],
  },
};

export const BUILTIN_PROFILES: Record<string, unknown> = {
  [ZAPTEC_PRO.id]: ZAPTEC_PRO,
  [ZAPTEC_GO.id]: ZAPTEC_GO,
};

export const DEFAULT_PROFILE_ID = ZAPTEC_PRO.id;
