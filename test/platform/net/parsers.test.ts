import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseDhclientLeases,
  parseDhcpcdDump,
  parseIpAddrJson,
  parseIpNeighText,
  parseIpRouteJson,
  parseIpRouteText,
  parseNetworkdLease,
  parseNmcliDeviceShow,
  pickDefaultRoute,
} from '../../../src/platform/net/linux.js';
import {
  parseIpconfigGetpacket,
  parseNetstatRn,
  parseRouteGetDefault,
} from '../../../src/platform/net/macos.js';
import { parseIpconfigAll, parseRoutePrint, parseWindowsDate } from '../../../src/platform/net/windows.js';
import { parseBsdArp, parseWindowsArp } from '../../../src/platform/net/arp.js';

const fx = (p: string): string =>
  readFileSync(new URL(`../../../fixtures/platform/${p}`, import.meta.url), 'utf8');

describe('Linux', () => {
  it('ip -d -j addr (netplan laptop): wlan0 192.168.178.142/24 is dynamic, wg0 is not', () => {
    const a = parseIpAddrJson(fx('linux/ip-d-j-addr-netplan-testsuite-thinkpad.json'));
    expect(a.find((x) => x.interface === 'wlan0')).toMatchObject({
      address: '192.168.178.142',
      prefixLength: 24,
      dynamic: true,
      validLifetimeSec: 850700,
    });
    expect(a.find((x) => x.interface === 'wg0')).toMatchObject({
      address: '10.10.0.2',
      dynamic: false,
      validLifetimeSec: null,
    });
    expect(a.some((x) => x.interface === 'wwan0')).toBe(false);
  });
  it('ip -j route: the default route is enp0s31f6 (metric 100) via 192.168.178.1, not wlan0 (600); other tables ignored', () => {
    const r = parseIpRouteJson(fx('linux/ip-j-route-netplan-testsuite.json'));
    expect(pickDefaultRoute(r)).toMatchObject({
      dev: 'enp0s31f6',
      gateway: '192.168.178.1',
      metric: 100,
      protocol: 'dhcp',
    });
    expect(r.some((x) => x.dst === '192.168.178.1')).toBe(false);
  });
  it('ip route text: facter default via 10.16.112.1 dev ens192 proto dhcp; ntc multi-default picks eth0 metric 100', () => {
    expect(pickDefaultRoute(parseIpRouteText(fx('linux/ip-route-facter.txt')))).toMatchObject({
      gateway: '10.16.112.1',
      dev: 'ens192',
      protocol: 'dhcp',
      src: '10.16.125.217',
    });
    const multi = parseIpRouteText(fx('linux/ip-route-ntc-wlan-eth-multi-default.txt'));
    expect(pickDefaultRoute(multi)).toMatchObject({ gateway: '172.21.240.1', dev: 'eth0' });
    expect(pickDefaultRoute(multi, 'wlan0')).toMatchObject({ gateway: '172.20.2.1', metric: 600 });
    expect(pickDefaultRoute(parseIpRouteText(fx('linux/ip-route-jc-centos7.txt')))).toMatchObject({
      gateway: '10.0.2.2',
      dev: 'enp0s3',
    });
  });
  it('ip neigh text: 192.168.16.2 REACHABLE and .254 STALE on ens33; IPv6 router entries skipped', () => {
    expect(parseIpNeighText(fx('linux/ip-neigh-getmac-ubuntu1804.txt'))).toEqual([
      { ip: '192.168.16.254', mac: '00:50:56:e1:2f:51', interface: 'ens33', state: 'STALE' },
      { ip: '192.168.16.2', mac: '00:50:56:f1:4c:50', interface: 'ens33', state: 'REACHABLE' },
    ]);
    expect(
      parseIpNeighText(fx('linux/ip-neigh-getmac-android9-wlan0-ipv6-router.txt')).map((n) => n.ip),
    ).toEqual(['192.168.232.1', '192.168.200.1']);
  });
  it('arp -a (net-tools): 7 resolved, 2 <incomplete> on eth1.10', () => {
    const n = parseBsdArp(fx('linux/arp-a-linux-ntc-incomplete.txt'));
    expect(n).toHaveLength(9);
    expect(n.filter((x) => x.state === 'incomplete').map((x) => x.ip)).toEqual([
      '192.168.10.100',
      '192.168.10.52',
    ]);
    expect(n.find((x) => x.ip === '192.168.13.5')).toMatchObject({
      mac: '00:e0:67:05:9d:5a',
      interface: 'eth1.100',
    });
  });
  it('nmcli device show with DHCP4: server 192.168.1.254, lease 86400 s, expiry 1711988757', () => {
    const [d] = parseNmcliDeviceShow(fx('linux/nmcli-device-show-ip4-dhcp4-wifi-excerpt.txt'));
    expect(d).toMatchObject({
      address: '192.168.1.247',
      prefixLength: 24,
      gateway: '192.168.1.254',
      dhcpServer: '192.168.1.254',
      durationSec: 86400,
      expires: '2024-04-01T16:25:57Z',
      dnsServers: ['192.168.1.254'],
      dhcp: true,
    });
  });
  it('nmcli device show without DHCP4 (centos7): ens33 192.168.71.180/24 via 192.168.71.2, no lease claimed', () => {
    const devs = parseNmcliDeviceShow(fx('linux/nmcli-device-show-jc-centos7.txt'));
    const ens33 = devs.find((d) => d.interface === 'ens33');
    expect(ens33).toMatchObject({
      address: '192.168.71.180',
      prefixLength: 24,
      gateway: '192.168.71.2',
      dnsServers: ['192.168.71.2'],
    });
    expect(ens33?.dhcp).toBeUndefined();
    expect(devs.find((d) => d.interface === 'docker0')).toMatchObject({
      address: '172.17.0.1',
      prefixLength: 16,
    });
    expect(parseNmcliDeviceShow(fx('linux/nmcli-device-show-jc-fedora32.txt')).length).toBeGreaterThan(0);
  });
  it('systemd-networkd lease: 10.16.122.112/20, router 10.16.112.1, server 10.32.22.10, LIFETIME 900', () => {
    expect(parseNetworkdLease(fx('linux/systemd-networkd-lease-file-facter.txt'))).toEqual({
      address: '10.16.122.112',
      prefixLength: 20,
      gateway: '10.16.112.1',
      dhcpServer: '10.32.22.10',
      durationSec: 900,
      dnsServers: ['10.240.0.10', '10.240.1.10'],
      dhcp: true,
    });
  });
  it('dhclient leases (Azure): the last lease wins, infinite lease, server 168.63.129.16, expires 2156-10-17', () => {
    expect(parseDhclientLeases(fx('linux/dhclient-leases-facter-rhel8-azure.txt'), 'eth0')).toMatchObject({
      interface: 'eth0',
      address: '10.0.0.5',
      prefixLength: 24,
      gateway: '10.0.0.1',
      dhcpServer: '168.63.129.16',
      durationSec: 4294967295,
      expires: '2156-10-17T20:41:21Z',
      dnsServers: ['168.63.129.16'],
    });
    expect(parseDhclientLeases(fx('linux/dhclient-leases-facter-rhel8-azure.txt'), 'wlan0')).toBeNull();
  });
  it('dhcpcd -U: 10.16.116.66/20, lease 300 s from 10.32.22.9; the stderr line is ignored', () => {
    expect(parseDhcpcdDump(fx('linux/dhcpcd-U-dump-facter.txt'))).toMatchObject({
      address: '10.16.116.66',
      prefixLength: 20,
      gateway: '10.16.112.1',
      dhcpServer: '10.32.22.9',
      durationSec: 300,
      dhcp: true,
    });
  });
});

describe('macOS', () => {
  it('ipconfig getpacket en1: ACK from 10.1.1.1, 10.1.1.16/24, lease 0x76a700 = 90 days', () => {
    expect(parseIpconfigGetpacket(fx('macos/ipconfig-getpacket-en1-jweyrich-2009.txt'))).toMatchObject({
      address: '10.1.1.16',
      prefixLength: 24,
      dhcpServer: '10.1.1.1',
      gateway: '10.1.1.1',
      durationSec: 7776000,
      dhcp: true,
    });
    expect(parseIpconfigGetpacket('')).toBeNull();
  });
  it('netstat -rn / -rnl: default via 10.0.2.2 on en0; via 192.168.1.254 on en0 (Mtu column)', () => {
    expect(pickDefaultRoute(parseNetstatRn(fx('macos/netstat-rn-getmac-10.12.6.txt')))).toMatchObject({
      gateway: '10.0.2.2',
      dev: 'en0',
    });
    expect(pickDefaultRoute(parseNetstatRn(fx('macos/netstat-rnl-jc-10.14.6.txt')))).toMatchObject({
      gateway: '192.168.1.254',
      dev: 'en0',
    });
    expect(parseRouteGetDefault(fx('macos/route-n-get-default-facter.txt'))).toMatchObject({
      gateway: '10.160.24.1',
      dev: 'en0',
    });
  });
  it('arp -a: unpadded MACs padded (58:6d:8f:7:c9:94 -> 58:6d:8f:07:c9:94), permanent entries marked', () => {
    const a = parseBsdArp(fx('macos/arp-a-getmac-osx-unpadded-mac.txt'));
    expect(a[0]).toEqual({ ip: '192.168.1.1', mac: '58:6d:8f:07:c9:94', interface: 'en0', state: 'dynamic' });
    const b = parseBsdArp(fx('macos/arp-a-jc-10.14.6.txt'));
    expect(b).toHaveLength(12);
    expect(b.find((x) => x.ip === '192.168.1.222')?.state).toBe('permanent');
    expect(parseBsdArp(fx('macos/arp-a-jc-10.14.6-2.txt')).length).toBeGreaterThan(0);
  });
});

describe('Windows', () => {
  it('ipconfig /all (jc Win10, English): Ethernet 2 10.50.13.132/24, DHCP 10.50.13.1, lease Jun 22 2023 -> Sep 23 2024', () => {
    const a = parseIpconfigAll(fx('windows/ipconfig-all-jc-win10.txt'));
    const eth = a.find((x) => x.name === 'Ethernet adapter Ethernet 2');
    expect(eth).toMatchObject({
      address: '10.50.13.132',
      prefixLength: 24,
      gateway: '10.50.13.1',
      dhcpServer: '10.50.13.1',
      dhcpEnabled: true,
      obtained: '2023-06-22T10:39:04',
      expires: '2024-09-23T02:31:46',
      dnsServers: ['10.50.13.1'],
    });
    expect(a.find((x) => x.name === 'Unknown adapter Tailscale')).toMatchObject({
      address: '100.115.71.66',
      prefixLength: 32,
      dhcpEnabled: false,
    });
  });
  it('ipconfig /all (jc Win11): Wi-Fi 192.168.1.169/24, lease exactly one day', () => {
    const wifi = parseIpconfigAll(fx('windows/ipconfig-all-jc-win11.txt')).find(
      (x) => x.name === 'Wireless LAN adapter Wi-Fi',
    );
    expect(wifi).toMatchObject({
      address: '192.168.1.169',
      gateway: '192.168.1.1',
      dhcpServer: '192.168.1.1',
      durationSec: 86400,
    });
  });
  it('ipconfig /all (Win7, getmac Win10): 12-hour clock read as 24-hour', () => {
    for (const f of ['windows/ipconfig-all-jc-win7.txt', 'windows/ipconfig-all-getmac-win10.txt']) {
      const withLease = parseIpconfigAll(fx(f)).filter((x) => x.obtained);
      expect(withLease.length).toBeGreaterThan(0);
      for (const x of withLease) expect(x.durationSec).toBeGreaterThan(0);
    }
    expect(parseWindowsDate('Thursday, June 22, 2023 12:13:59 PM')).toBe('2023-06-22T12:13:59');
    expect(parseWindowsDate('Monday, September 23, 2024 12:01:00 AM')).toBe('2024-09-23T00:01:00');
  });
  it('ipconfig /all in German (Win7): LAN-Verbindung 118.137.235.19/24, DHCP-Server 10.255.9.24, 30 min lease, 2 DNS servers', () => {
    const a = parseIpconfigAll(fx('windows/ipconfig-all-de-win7-forum.txt'));
    const lan = a.find((x) => x.name === 'Ethernet-Adapter LAN-Verbindung');
    expect(lan).toMatchObject({
      address: '118.137.235.19',
      prefixLength: 24,
      gateway: '118.137.235.1',
      dhcpServer: '10.255.9.24',
      dhcpEnabled: true,
      obtained: '2010-12-07T10:41:08',
      expires: '2010-12-07T11:11:07',
      durationSec: 1799,
      dnsServers: ['202.73.99.2', '61.247.0.2'],
    });
    expect(a.find((x) => x.name === 'Tunneladapter 6TO4 Adapter')?.dhcpEnabled).toBe(false);
    expect(
      a.find((x) => x.name === 'Drahtlos-LAN-Adapter Drahtlosnetzwerkverbindung')?.mediaDisconnected,
    ).toBe(true);
  });
  it('ipconfig /all in French: Wi-Fi 10.33.48.99/22, Serveur DHCP 10.33.51.254, bail 11 -> 12 octobre 2023', () => {
    const [wifi] = parseIpconfigAll(fx('windows/ipconfig-all-fr-wifi-adapter-tp.txt'));
    expect(wifi).toMatchObject({
      name: 'Carte réseau sans fil Wi-Fi',
      address: '10.33.48.99',
      prefixLength: 22,
      gateway: '10.33.51.254',
      dhcpServer: '10.33.51.254',
      dhcpEnabled: true,
      obtained: '2023-10-11T09:02:30',
      expires: '2023-10-12T09:02:17',
      dnsServers: ['10.33.10.2', '8.8.8.8'],
    });
  });
  it('route print: default 0.0.0.0 via 10.0.0.1 on 10.0.0.185 (metric 25); jc Win10 too', () => {
    expect(pickDefaultRoute(parseRoutePrint(fx('windows/route-print-4-getmac-win10.txt')))).toMatchObject({
      gateway: '10.0.0.1',
      dev: '10.0.0.185',
      metric: 25,
    });
    expect(pickDefaultRoute(parseRoutePrint(fx('windows/route-print-jc-win10.txt')))).not.toBeNull();
  });
  it('arp -a English and French: interface sections, static broadcast/multicast entries', () => {
    const en = parseWindowsArp(fx('windows/arp-a-en-getmac-win10-multi-interface.txt'));
    expect(en.find((x) => x.ip === '10.0.0.1')).toEqual({
      ip: '10.0.0.1',
      mac: '6a:d7:9a:29:2b:82',
      interface: '10.0.0.185',
      state: 'dynamic',
    });
    expect(en.find((x) => x.ip === '10.0.0.255')?.state).toBe('static');
    const fr = parseWindowsArp(fx('windows/arp-a-fr-nbsp-mrtrynity.txt'));
    expect(fr.length).toBeGreaterThan(0);
    expect(new Set(fr.map((x) => x.interface)).has('10.33.77.167')).toBe(true);
    expect(fr.some((x) => x.state === 'static')).toBe(true);
  });
});
