/**
 * The lab scenarios' two lines for people (`zapcheck lab --list`) in Italian: what the simulated network
 * does and what zapcheck concludes. The English lines live with the scenarios (src/lab/scenarios.ts, the
 * README table's source); a test checks that every scenario has its Italian lines here and nothing else.
 * Cause names (DNS_NXDOMAIN) and host names stay as they are: they are what the report shows.
 */
export const LAB_WORDS_IT: Record<string, { network: string; verdict: string }> = {
  healthy: {
    network: 'funziona tutto: DNS, NTP, TCP 443/8883, TLS valido, HTTP 200, MQTT CONNACK 5 a una prova',
    verdict: 'pronta: ogni controllo è superato',
  },
  'dns-nxdomain': {
    network: 'il server DNS risponde NXDOMAIN per api.zaptec.com',
    verdict:
      'non pronta: api.zaptec.com non si risolve (DNS_NXDOMAIN); i suoi controlli TCP/TLS/HTTPS non vengono eseguiti',
  },
  'dns-sinkhole': {
    network: 'il server DNS risponde per zapcloud.azure-devices.net con 0.0.0.0 (un sinkhole)',
    verdict:
      'non pronta: zapcloud.azure-devices.net è dirottato su un sinkhole (DNS_SINKHOLE); TCP/TLS verso di esso non eseguiti',
  },
  'dns-servfail': {
    network: 'il server DNS risponde SERVFAIL a ogni richiesta',
    verdict:
      'non pronta: nessun host si risolve (DNS_SERVFAIL); tutto ciò che viene dopo il DNS non è eseguito',
  },
  'dns-timeout': {
    network: 'il server DNS non risponde mai (UDP e TCP 53 ingoiati)',
    verdict:
      'non pronta: il DNS non risponde in tempo per nessun host (DNS_TIMEOUT); tutto ciò che viene dopo il DNS non è eseguito',
  },
  'dns-filtered': {
    network: 'una block list DNS blocca *.azure-devices.net (NXDOMAIN per quei nomi, gli altri si risolvono)',
    verdict:
      'non pronta: zapcloud.azure-devices.net non si risolve (DNS_NXDOMAIN; il consiglio cita le block list)',
  },
  'dns-private-answer': {
    network:
      'il server DNS risponde per api.zaptec.com con 10.20.30.40 (split horizon / protezione dal DNS rebinding)',
    verdict: 'non pronta: api.zaptec.com si risolve in un indirizzo privato (DNS_SINKHOLE)',
  },
  'dns-hijack-portal': {
    network:
      'un portale captive risponde a ogni nome DNS, anche inventato, con 198.51.100.250, dove rispondono un certificato per login.captive.example e un reindirizzamento alla sua pagina di accesso',
    verdict:
      'non pronta: un portale captive o un reindirizzamento DNS (DNS_HIJACK), detto una volta con un solo consiglio; tutto ciò che viene dopo il DNS non è eseguito',
  },
  'dns-ipv6-only': {
    network: 'api.zaptec.com esiste nel DNS solo con un indirizzo IPv6 (AAAA), senza indirizzo IPv4 (A)',
    verdict:
      'non pronta: api.zaptec.com non ha un indirizzo IPv4 per la stazione, che usa solo IPv4 (DNS_NO_IPV4); i suoi controlli TCP/TLS/HTTPS non vengono eseguiti',
  },
  'dns-second-refused': {
    network: 'il DHCP assegna due server DNS; il secondo rifiuta ogni richiesta (REFUSED)',
    verdict:
      'pronta con avvisi: ogni host si risolve con il primo server DNS, il secondo rifiuta (DNS_PARTIAL)',
  },
  'dhcp-no-dns': {
    network: 'il DHCP dà al portatile un indirizzo e un router ma nessun server DNS',
    verdict:
      'non pronta: nessun server DNS da interrogare (DNS_NO_RESOLVER); tutto ciò che viene dopo il DNS non è eseguito',
  },
  'dhcp-no-router': {
    network:
      'il DHCP dà un indirizzo e un server DNS locale ma nessun router: nessun percorso IPv4 predefinito, nulla oltre la rete locale è raggiungibile',
    verdict:
      'non pronta: nessun percorso IPv4 (ENV_NO_IPV4); TCP verso tutti e quattro gli endpoint irraggiungibile (TCP_UNREACHABLE); nessuna risposta NTP (NTP_NO_REPLY)',
  },
  'route-unreadable': {
    network: 'la tabella dei percorsi del portatile non si può leggere; la rete in sé funziona',
    verdict: 'pronta, con il percorso IPv4 non verificato (ENV_UNKNOWN); ogni controllo di rete è superato',
  },
  'dns-outside-lab': {
    network: 'il server DNS risponde per api.zaptec.com con 203.0.113.80, un indirizzo fuori dal laboratorio',
    verdict:
      'il blocco di sicurezza di zapcheck rifiuta di contattare 203.0.113.80:443 e non invia nulla (GUARD_BLOCKED, uscita 3); TLS/HTTPS verso api.zaptec.com non eseguiti',
  },
  'ntp-blocked': {
    network: 'UDP 123 viene scartato: il server NTP non risponde mai',
    verdict: 'non pronta: nessuna risposta NTP da no.pool.ntp.org (NTP_NO_REPLY)',
  },
  'ntp-kod': {
    network: 'il server NTP risponde con un pacchetto kiss-o’-death RATE (stratum 0)',
    verdict: 'non pronta: no.pool.ntp.org rifiuta di fornire l’ora (NTP_KOD)',
  },
  'ntp-unsynchronised': {
    network:
      'un server dell’ora locale risponde in NTP ma non è sincronizzato a sua volta (leap indicator 3, stratum 16)',
    verdict:
      'non pronta: il server dell’ora che risponde per no.pool.ntp.org non è sincronizzato (NTP_UNSYNCHRONISED)',
  },
  'ntp-bad-reply': {
    network: 'il server NTP risponde, ma la risposta non contiene l’ora (transmit timestamp zero)',
    verdict: 'non pronta: la risposta NTP di no.pool.ntp.org non è valida (NTP_BAD_REPLY)',
  },
  'clock-skew': {
    network: 'l’ora NTP è 10 minuti avanti rispetto all’orologio del portatile',
    verdict:
      'non pronta: l’orologio è sbagliato di 10 min (CLOCK_SKEW; l’IoT Hub rifiuta i token sbagliati di oltre 5 min)',
  },
  'tcp-8883-refused': {
    network: 'TCP 8883 viene rifiutato attivamente (RST da una porta chiusa)',
    verdict: 'non pronta: zapcloud.azure-devices.net:8883 rifiutato (TCP_REFUSED); TLS e MQTT non eseguiti',
  },
  'tcp-8883-dropped': {
    network: 'TCP 8883 viene scartato in silenzio (nessuna risposta)',
    verdict: 'non pronta: zapcloud.azure-devices.net:8883 scartato (TCP_DROPPED); TLS e MQTT non eseguiti',
  },
  'tcp-443-dropped': {
    network: 'TCP 443 viene scartato in silenzio per ogni host',
    verdict: 'non pronta: i tre host HTTPS vengono scartati sulla 443 (TCP_DROPPED)',
  },
  'tcp-all-dropped': {
    network: 'ogni connessione TCP in uscita viene scartata in silenzio (DNS e NTP funzionano ancora)',
    verdict: 'non pronta: tutti e quattro gli endpoint TCP vengono scartati (TCP_DROPPED)',
  },
  'tls-intercepted': {
    network: 'un firewall rifirma ogni connessione TLS con la propria CA (O "Fortinet", CN "FortiGate CA")',
    verdict:
      'non pronta: ispezione TLS di Fortinet FortiGate su tutti e quattro gli host (TLS_INTERCEPTED); HTTPS non eseguito',
  },
  'tls-expired': {
    network:
      'zapcloud.azure-devices.net:8883 presenta un certificato della radice pubblica del laboratorio scaduto ieri',
    verdict: 'non pronta: certificato di zapcloud.azure-devices.net scaduto (TLS_EXPIRED)',
  },
  'tls-not-yet-valid': {
    network: 'zapcloud.azure-devices.net:8883 presenta un certificato il cui notBefore è domani',
    verdict:
      'non pronta: certificato di zapcloud.azure-devices.net non ancora valido (TLS_NOT_YET_VALID; controllare anche l’orologio del portatile)',
  },
  'tls-expired-intermediate': {
    network:
      'zapcloud.azure-devices.net:8883 presenta un certificato valido sotto una CA intermedia scaduta ieri',
    verdict:
      'non pronta: l’intermedia "Zaptec Lab Public TLS CA 0" è scaduta, indicata con la sua data (TLS_EXPIRED)',
  },
  'tls-leaf-only': {
    network: 'api.zaptec.com:443 invia solo il proprio certificato, non l’intermedio che lo ha firmato',
    verdict:
      'non pronta: api.zaptec.com non invia il suo certificato intermedio (TLS_CHAIN_INCOMPLETE; da correggere sul suo server)',
  },
  'tls-wrong-host': {
    network: 'api.zaptec.com:443 presenta un certificato pubblico valido per www.example.net',
    verdict: 'non pronta: il certificato di api.zaptec.com è per un altro nome (TLS_NAME_MISMATCH)',
  },
  'tls-self-signed': {
    network: 'api.zaptec.com:443 presenta un certificato autofirmato',
    verdict: 'non pronta: il certificato di api.zaptec.com non è attendibile (TLS_UNTRUSTED)',
  },
  'tls-1.3-only': {
    network: 'il server sulla 8883 accetta solo TLS 1.3 (la stazione parla TLS 1.2)',
    verdict: 'non pronta: zapcloud.azure-devices.net:8883 rifiuta TLS 1.2 (TLS_VERSION)',
  },
  'tls-1.0-only': {
    network: 'il server sulla 8883 accetta solo TLS 1.0 (un firewall che impone una versione vecchia)',
    verdict: 'non pronta: zapcloud.azure-devices.net:8883 offre solo TLS 1.0 (TLS_VERSION)',
  },
  'tls-sni-filtered': {
    network:
      'un filtro ingoia ogni ClientHello TLS che nomina zapcloud.azure-devices.net (SNI): TCP 8883 si collega, non torna indietro nulla',
    verdict:
      'non pronta: il TLS verso zapcloud.azure-devices.net:8883 non riceve nulla dopo il ClientHello, un filtro sul nome (TLS_STALLED_SNI)',
  },
  'tls-mtu-blackhole': {
    network:
      'i pacchetti del server oltre 600 byte si perdono sulla via del ritorno (ICMP "fragmentation needed" bloccato): ogni invio dei certificati TLS',
    verdict:
      'non pronta: un black hole di path MTU blocca il TLS verso tutti e quattro gli host (TLS_STALLED_MTU); HTTPS e MQTT non eseguiti',
  },
  'tls-alert': {
    network:
      'un firewall lascia collegare TCP 8883, poi risponde al ClientHello TLS con un alert TLS fatale (access denied)',
    verdict:
      'non pronta: l’handshake TLS con zapcloud.azure-devices.net:8883 non riesce (TLS_HANDSHAKE); MQTT non eseguito',
  },
  'tls-reset': {
    network:
      'un firewall lascia collegare TCP 8883, poi chiude di colpo la connessione (TCP RST) quando passa il ClientHello TLS',
    verdict:
      'non pronta: la connessione a zapcloud.azure-devices.net:8883 viene interrotta quando inizia il TLS (TLS_RESET); MQTT non eseguito',
  },
  'https-captive-portal': {
    network: 'ogni host sulla 443 risponde 302 verso http://login.captive.example/ (TLS valido)',
    verdict: 'non pronta: un portale captive risponde per gli host HTTPS (HTTP_CAPTIVE_PORTAL)',
  },
  'https-proxy-required': {
    network:
      'ogni host sulla 443 risponde 407 Proxy Authentication Required; sul portatile è impostato HTTPS_PROXY',
    verdict:
      'non pronta: il sito richiede un proxy, che la stazione non può usare (HTTP_PROXY_REQUIRED, ENV_PROXY)',
  },
  'https-not-http': {
    network:
      'ogni host sulla 443 completa il TLS, poi risponde alla richiesta con byte che non sono HTTP (un altro servizio sulla 443)',
    verdict: 'non pronta: la risposta HTTP dei tre host HTTPS è rotta (HTTP_BAD_RESPONSE); il TLS è superato',
  },
  'https-silent': {
    network: 'ogni host sulla 443 completa il TLS, poi non risponde mai alla richiesta HTTP',
    verdict:
      'non pronta: nessuna risposta HTTP dai tre host HTTPS entro il tempo limite (HTTP_NO_ANSWER); il TLS è superato',
  },
  'mqtt-not-mqtt': {
    network: 'la 8883 completa il TLS ma risponde a un CONNECT MQTT con byte che non sono MQTT',
    verdict: 'non pronta: nessun CONNACK da zapcloud.azure-devices.net (MQTT_NO_CONNACK); il TLS è superato',
  },
};
