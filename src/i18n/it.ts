import type { MessageKey } from './en.js';

/**
 * Italian messages, for the electrician on site and the site's IT. Same keys and the same {placeholders}
 * as en.ts (test/i18n checks both). Written for a person who installs chargers, not for a network
 * engineer: "stazione di ricarica" for the charger, "IT del sito" for whoever runs the network.
 * A key missing here falls back to English at run time, and the i18n test names it.
 */
export const it = {
  'guard.blocked':
    'zapcheck non ha contattato {what}: questa verifica non può raggiungerlo (blocco di sicurezza)',
  'optional.note': '(facoltativo per questa stazione)',
  'run.skipped': 'non verificato: {title} non è riuscito ({cause})',
  'run.interrupted': 'non terminato: il controllo è stato interrotto',
  'run.notselected': 'non eseguito (--only)',
  'checks.heading':
    'Cosa verifica un controllo con il profilo {profile} ({n} controlli, nell’ordine del rapporto):',
  'checks.col.id': 'controllo (per --only)',
  'checks.col.title': 'cosa verifica',
  'checks.needs': 'richiede: {list}',
  'checks.footer':
    'Per eseguirne solo alcuni (con ciò che richiedono): zapcheck site --only <tipo o controllo>, ad es. --only dns,ntp oppure --only tls:api.zaptec.com:443',
  'err.only.unknown': '--only: nessun controllo "{name}" nel profilo {profile}',
  'err.only.empty': '--only: indica almeno un tipo o un controllo',
  'err.only.hint': 'tipi: {kinds}; tutti i controlli: zapcheck site --list-checks',
  'term.notrun.one': '{n} controllo non eseguito (--only): {list}',
  'term.notrun.many': '{n} controlli non eseguiti (--only): {list}',
  'run.overran': 'zapcheck non ha finito questo controllo entro il tempo di {budget} ms',
  'run.internal': 'zapcheck ha avuto un errore durante il controllo: {message}',

  'dns.ok': '{host} si risolve in {addresses}{via}',
  'dns.nxdomain': '{host} non esiste secondo il server DNS {server} (NXDOMAIN)',
  'dns.nxdomain.fix':
    'Fare in modo che il server DNS {server} risolva {host} normalmente; se è attivo un filtro DNS o una block list (spesso bloccano *.azure-devices.net), consentire lì il nome.',
  'dns.servfail': 'Il server DNS {server} non riesce a risolvere {host} (SERVFAIL)',
  'dns.servfail.fix':
    'Il server DNS {server} non riesce a risolvere {host}: controllarne i server a monte e la connessione a internet, oppure distribuire via DHCP un server DNS funzionante.',
  'dns.refused': 'Il server DNS {server} rifiuta di rispondere per {host} (REFUSED)',
  'dns.refused.fix':
    'Permettere al server DNS {server} di rispondere alle richieste dalla rete delle stazioni, oppure distribuire via DHCP un server DNS che lo faccia.',
  'dns.timeout': 'Nessuna risposta dal server DNS {server} per {host}',
  'dns.timeout.fix':
    'Il server DNS {server} non ha risposto: verificare che il server DNS distribuito via DHCP risponda alle richieste dalla rete delle stazioni (porta 53 UDP e TCP).',
  'dns.unreachable': 'Il server DNS {server} non è raggiungibile (richiesta per {host})',
  'dns.unreachable.fix':
    'Il server DNS {server} non è raggiungibile da questa rete: consentire la porta 53 UDP e TCP verso di esso, oppure distribuire via DHCP un server DNS raggiungibile.',
  'dns.badreply': 'Il server DNS {server} ha risposto per {host} con un pacchetto danneggiato',
  'dns.cname.long': 'Il server DNS {server} ha risposto per {host} con una catena CNAME più lunga di {limit}',
  'dns.cname.loop': 'Il server DNS {server} ha risposto per {host} con un ciclo di CNAME',
  'dns.badreply.fix':
    'Il server DNS {server} (o qualcosa nel mezzo) invia risposte DNS malformate: controllare i dispositivi di filtro o ispezione DNS sul percorso.',
  'dns.error': 'La risoluzione DNS di {host} tramite {server} non è riuscita: {message}',
  'dns.noresolver': 'Nessun server DNS configurato: {host} non può essere risolto',
  'dns.noresolver.fix':
    'Distribuire un server DNS via DHCP: la stazione usa solo il server DNS che riceve dal DHCP (niente DNS statico).',
  'dns.noipv4': '{host} non ha un indirizzo IPv4 nel DNS (tramite {server})',
  'dns.noipv4.v6only': '{host} si risolve solo in IPv6 (tramite {server}); la stazione usa soltanto IPv4',
  'dns.noipv4.fix':
    'La stazione usa soltanto IPv4: fare in modo che {host} si risolva nel suo indirizzo IPv4 (record A) tramite il server DNS {server}, e dare connettività IPv4 alla rete delle stazioni.',
  'dns.hijack':
    '{host} si risolve in {address}, l’indirizzo che {server} dà a ogni nome, anche a uno che non può esistere ({probe}), e lì risponde un certificato per un altro nome o un reindirizzamento: un captive portal o una deviazione DNS',
  'dns.hijack.fix':
    'La rete del sito manda ogni nome a {address}, un captive portal o una deviazione DNS ({portal}): accedere al portale, oppure chiedere all’IT di escludere le stazioni di ricarica (con i loro indirizzi MAC) così che ricevano risposte DNS vere e un percorso diretto verso internet.',
  'dns.hijack.fix.plain':
    'La rete del sito manda ogni nome a {address}, un captive portal o una deviazione DNS: accedere al portale, oppure chiedere all’IT di escludere le stazioni di ricarica (con i loro indirizzi MAC) così che ricevano risposte DNS vere e un percorso diretto verso internet.',
  'dns.sinkhole': '{server} risponde per {host} con {address} (indirizzo {range}): bloccato o deviato',
  'dns.sinkhole.fix':
    'Il server DNS {server} risponde per {host} con {address}, che non è il vero indirizzo del cloud (una block list, un sinkhole o una voce locale). Togliere il blocco o la voce locale, così che {host} si risolva nel suo indirizzo pubblico.',
  'dns.partial':
    '{host} si risolve, ma i server DNS {bad} non hanno dato risposta (rifiuto, errore o silenzio)',
  'dns.partial.fix':
    'Il DHCP distribuisce i server DNS {bad}, che non hanno dato risposta per {host}, e la stazione potrebbe interrogarli: farli rispondere alle richieste dalla rete delle stazioni (porta UDP e TCP 53), oppure smettere di distribuirli via DHCP.',

  'ntp.behind': 'indietro',
  'ntp.ahead': 'avanti',
  'ntp.ok': 'Ora NTP ricevuta da {host} (UDP {port}); questo portatile è {offset} {direction}',
  'ntp.skew.warn':
    'NTP funziona, ma l’orologio di questo portatile è {offset} {direction} rispetto all’ora di {host}',
  'ntp.skew.fail':
    'L’ora di {host} differisce di {offset} dall’orologio di questo portatile: o l’orologio del portatile è sbagliato, o la rete fornisce un’ora sbagliata',
  'ntp.skew.fix.installer':
    'Impostare l’ora automatica su questo portatile e ripetere zapcheck: un orologio sbagliato fa sembrare non validi i certificati.',
  'ntp.skew.fix.it':
    'Se l’orologio del portatile è giusto, qualcosa nella rete risponde all’NTP (UDP 123) con un’ora sbagliata: il cloud rifiuterebbe le stazioni (il loro token di accesso vale 5 minuti). Lasciare arrivare UDP 123 a {host} senza modifiche.',
  'ntp.kod': 'Il server NTP {host} si rifiuta di fornire l’ora (kiss-o’-death {code})',
  'ntp.kod.fix':
    'Il server NTP di {host} ha risposto con kiss-o’-death {code} (limite di richieste o accesso negato): consentire UDP 123 in uscita verso {host} senza limiti di condivisione NAT, oppure verificare che nessun dispositivo locale risponda all’NTP al suo posto.',
  'ntp.unsync':
    'Il server NTP che risponde per {host} non è sincronizzato a sua volta ({reason}): il server dell’ora locale non ha un’ora valida da dare',
  'ntp.unsync.fix':
    'Il server dell’ora che risponde all’NTP (UDP 123) per {host} non è sincronizzato ({reason}). Se è un server dell’ora locale o il router, farlo sincronizzare con pool.ntp.org; oppure lasciare passare verso internet senza modifiche l’NTP delle stazioni verso {host}.',
  'ntp.bad': 'La risposta NTP di {host} non è valida: {message}',
  'ntp.bad.zero': 'La risposta NTP di {host} non contiene l’ora (il suo timestamp di trasmissione è zero)',
  'ntp.bad.fix':
    'Qualcosa risponde all’NTP (UDP 123) per {host} con pacchetti non validi: lasciare arrivare UDP 123 direttamente a {host}, senza intercettazioni.',
  'ntp.noreply': 'Nessuna risposta NTP da {host} su UDP {port} entro {limit}: la porta UDP 123 è bloccata',
  'ntp.rejected': 'L’NTP verso {host} su UDP {port} è respinto (porta irraggiungibile)',
  'ntp.unreachable.noroute':
    'L’NTP verso {host} su UDP {port} non può uscire: questa rete non fornisce un percorso IPv4 verso internet (vedere il percorso IPv4 predefinito)',
  'ntp.unreachable':
    'L’NTP verso {host} su UDP {port}: la rete risponde "irraggiungibile" (nessun percorso, o un firewall che lo rifiuta)',
  'ntp.noreply.fix':
    'Consentire in uscita la porta UDP 123 (NTP) verso {host}. Senza l’ora l’orologio della stazione deriva e il cloud la rifiuta.',

  'tcp.noaddress': 'Nessun indirizzo IPv4 a cui collegarsi per {host}',
  'tcp.ok': 'TCP {port} verso {host} ({ip}) si collega in {ms} ms',
  'tcp.refused':
    'TCP {port} verso {host} è rifiutato: un firewall lo respinge (oppure a {ip} non risponde nessun servizio)',
  'tcp.refused.fix':
    'Consentire in uscita la porta TCP {port} verso {host} (ora il firewall la respinge). Consentirla per nome host: gli indirizzi IP del cloud cambiano.',
  'tcp.dropped':
    'TCP {port} verso {host} non riceve risposta entro {limit}: il traffico viene scartato senza avviso',
  'tcp.dropped.fix':
    'Consentire in uscita la porta TCP {port} verso {host}: ora un firewall la scarta senza avviso. Consentirla per nome host, non per indirizzo IP: gli indirizzi del cloud cambiano.',
  'tcp.unreachable':
    'TCP {port} verso {host} ({ip}): la rete risponde "irraggiungibile" (nessun percorso, o un firewall che la rifiuta)',
  'tcp.unreachable.fix':
    'Consentire in uscita la porta TCP {port} verso {host}: la rete risponde che {ip} non è raggiungibile (una regola del firewall che la rifiuta, o nessun percorso). Se non si raggiunge nulla su internet, controllare il gateway predefinito e il collegamento.',
  'tcp.unreachable.noroute':
    'TCP {port} verso {host} ({ip}) non può uscire: questa rete non fornisce un percorso IPv4 verso internet (vedere il percorso IPv4 predefinito)',
  'tcp.reset': 'TCP {port} verso {host} viene interrotto dalla rete',
  'tcp.error': 'TCP {port} verso {host} non riuscito: {message}',

  'tls.ok': '{protocol} verso {host}:{port} funziona; certificato valido, emesso da {issuer}',
  'tls.ok.issuer': '{protocol} verso {host}:{port} funziona; certificato dell’emittente atteso {issuer}',
  'tls.ok.private':
    '{protocol} verso {host}:{port} funziona; emesso da {issuer} (la stazione verifica questo host con una CA radice privata)',
  'tls.version':
    '{host}:{port} non accetta {version} (il server parla {spoken}); la stazione non riesce a collegarsi',
  'tls.version.fix':
    'Qualcosa sul percorso accetta solo {spoken}, e la stazione richiede {version}: disattivare l’imposizione della versione TLS o l’ispezione per {host}:{port}.',
  'tls.handshake': 'L’handshake TLS con {host}:{port} non riesce: {message}',
  'tls.handshake.reason': 'L’handshake TLS con {host}:{port} non riesce (OpenSSL: {reason})',
  'tls.handshake.closed':
    'La connessione a {host}:{port} viene chiusa durante l’handshake TLS, prima di qualsiasi risposta valida',
  'tls.handshake.fix':
    'L’handshake TLS non riesce su questa rete: controllare firewall o proxy che ispezionano o bloccano il TLS verso {host}:{port}.',
  'tls.timeout': 'L’handshake TLS con {host}:{port} non riceve risposta entro {limit}',
  'tls.timeout.fix':
    'Il TCP si collega ma il TLS si blocca: un firewall che ispeziona il TLS (per nome, SNI) lo scarta. Consentire il TLS verso {host}:{port} senza ispezione.',
  'tls.stalled.sni':
    'Il TCP verso {host}:{port} si collega, ma dopo il ClientHello TLS non torna indietro nulla: un filtro sul nome del server (SNI) o un’ispezione profonda dei pacchetti (DPI) lo scarta',
  'tls.stalled.sni.name':
    'Il TCP verso {host}:{port} si collega, ma dopo il ClientHello TLS non torna indietro nulla, mentre lo stesso server risponde a un ClientHello con un altro nome: un filtro sul nome del server (SNI) lo scarta',
  'tls.stalled.sni.fix':
    'Il firewall scarta il TLS verso {host}:{port} dopo il ClientHello, che contiene il nome del server (SNI): consentirlo nel filtro web, applicativo o SNI (ispezione profonda dei pacchetti), oppure escludere le stazioni di ricarica da quel filtro.',
  'tls.stalled.mtu':
    'Il TCP verso {host}:{port} si collega, ma la risposta TLS del server si interrompe dopo {bytes} byte: i pacchetti grandi si perdono sul percorso di ritorno (un buco nero di path MTU)',
  'tls.stalled.mtu.short':
    'Il TCP verso {host}:{port} si collega e una risposta TLS breve arriva, ma i certificati del server (i suoi primi pacchetti grandi) non arrivano mai: i pacchetti grandi si perdono sul percorso di ritorno (un buco nero di path MTU)',
  'tls.stalled.mtu.fix':
    'I pacchetti grandi da {host}:{port} si perdono verso il sito mentre quelli piccoli passano (un buco nero di path MTU, tipico su collegamenti VPN, PPPoE e LTE): lasciar passare nel firewall l’ICMP tipo 3 codice 4 ("fragmentation needed"), oppure limitare (clamp) l’MSS TCP sul router (per esempio alla MTU del percorso meno 40).',
  'tls.reset': 'La connessione a {host}:{port} viene interrotta (TCP RST) appena inizia il TLS',
  'tls.reset.fix':
    'Un firewall interrompe le connessioni TLS verso {host}:{port} dopo il ClientHello (spesso un filtro web o TLS che legge il nome del server): lasciar passare il TLS verso {host}:{port}.',
  'tls.intercepted.product':
    'Il TLS verso {host}:{port} è intercettato da {product} (certificato emesso da {issuer}); la stazione lo rifiuta',
  'tls.intercepted.issuer':
    'Il TLS verso {host}:{port} è intercettato: un’unica CA sconosciuta ({issuer}) firma host diversi ({hosts}); la stazione lo rifiuta',
  'tls.intercepted.fix':
    'Disattivare l’ispezione TLS di {product} per: {host}:{port}. La stazione accetta solo il certificato vero e attraverso l’ispezione non si collega.',
  'tls.intercepted.issuer.fix':
    'Disattivare l’ispezione TLS (del dispositivo la cui CA è {issuer}) per: {host}:{port}. La stazione accetta solo il certificato vero e attraverso l’ispezione non si collega.',
  'tls.expired': 'Il certificato di {host}:{port} è scaduto il {date} (emesso da {issuer})',
  'tls.expired.fix':
    'Il certificato ricevuto per {host}:{port} è scaduto. Se non è il vero certificato del cloud, lo fornisce un dispositivo sul percorso: toglierlo. Se l’orologio del portatile è sbagliato, correggerlo prima.',
  'tls.notyet': 'Il certificato di {host}:{port} non è valido prima del {date} (emesso da {issuer})',
  'tls.notyet.fix':
    'Il certificato per {host}:{port} non è ancora valido: controllare prima l’orologio di questo portatile; altrimenti un dispositivo sul percorso fornisce un certificato sbagliato.',
  'tls.name': 'Il certificato ricevuto per {host}:{port} è per un altro nome ({names})',
  'tls.name.fix':
    'Qualcosa nella rete risponde per {host}:{port} con un certificato per {names} (spesso un captive portal o un firewall che devia il traffico). Lasciare passare {host} senza modifiche.',
  'tls.untrusted':
    'Il certificato di {host}:{port} non proviene da un’autorità attendibile (emesso da {issuer})',
  'tls.untrusted.code': 'Il certificato di {host}:{port} non si verifica ({code}; emesso da {issuer})',
  'tls.untrusted.fix':
    'La stazione si fida solo del vero certificato: togliere ispezione TLS, proxy o deviazioni per {host}:{port}.',
  'tls.role.leaf': 'del server',
  'tls.role.intermediate': 'intermedio',
  'tls.role.root': 'radice',
  'tls.expired.ca':
    'Il certificato CA {role} «{subject}» nella catena di {host}:{port} è scaduto il {date}; il certificato del server in sé non è il problema',
  'tls.expired.ca.fix':
    'Per chi gestisce {host}:{port}: il server invia il certificato CA {role} scaduto «{subject}» (scaduto il {date}); installare la catena attuale dell’autorità di certificazione. Nulla da cambiare sul firewall del sito, a meno che un dispositivo sul percorso fornisca questa catena.',
  'tls.notyet.ca':
    'Il certificato CA {role} «{subject}» nella catena di {host}:{port} non è valido prima del {date} (controllare l’orologio di questo portatile)',
  'tls.chain.incomplete':
    '{host}:{port} invia solo il proprio certificato, non il certificato intermedio di {issuer} che lo ha firmato, e la stazione non lo scarica',
  'tls.chain.incomplete.fix':
    'Per chi gestisce {host}:{port} (non il firewall del sito): il server non invia il suo certificato intermedio ({issuer}); configurarlo per inviare la catena completa (il suo certificato seguito dall’intermedio). La stazione non scarica gli intermedi mancanti.',

  'https.ok': '{host}:{port} risponde HTTP {status}',
  'https.proxy': '{host}:{port} risponde 407: la rete fa uscire il traffico solo tramite un proxy',
  'https.proxy.fix':
    'La stazione non può usare un proxy: consentire l’HTTPS diretto in uscita (TCP {port}) verso {host}, senza passare dal proxy.',
  'https.captive': '{host}:{port} rimanda a {target}: c’è di mezzo un captive portal o una pagina di accesso',
  'https.login': '{host}:{port} risponde con una pagina di accesso: c’è di mezzo un captive portal',
  'https.captive.fix':
    'La stazione non può fare l’accesso a un captive portal: escludere le stazioni dal portal (per indirizzo MAC), oppure usare una rete senza portal.',
  'https.noanswer': 'Il TLS verso {host}:{port} funziona ma non arriva risposta HTTP entro {limit}',
  'https.noanswer.fix':
    'L’HTTPS si collega ma non riceve una risposta valida: controllare filtri web o proxy sul percorso per {host}:{port}.',
  'https.bad': 'La risposta HTTP di {host}:{port} è danneggiata: {message}',
  'https.bad.nothttp':
    '{host}:{port} completa il TLS ma non risponde in HTTP (lì risponde un altro servizio o un filtro)',
  'https.bad.closed': '{host}:{port} completa il TLS, poi chiude la connessione senza una risposta HTTP',
  'https.bad.reset':
    '{host}:{port} completa il TLS, poi interrompe la connessione (TCP RST) prima di una risposta HTTP',
  'https.bad.large': 'Le intestazioni HTTP di {host}:{port} sono troppo grandi per essere lette',

  'mqtt.ok':
    'Il broker MQTT a {host}:{port} risponde (CONNACK {code}: {meaning}, normale per una prova anonima)',
  // What a CONNACK return code means (MQTT 3.1.1 0-5; MQTT 5.0 reason codes 128 and up).
  'mqtt.connack.0': 'accettato',
  'mqtt.connack.1': 'versione del protocollo non accettata',
  'mqtt.connack.2': 'identificativo rifiutato',
  'mqtt.connack.3': 'server non disponibile',
  'mqtt.connack.4': 'nome utente o password errati',
  'mqtt.connack.5': 'non autorizzato',
  'mqtt.connack.128': 'errore non specificato',
  'mqtt.connack.129': 'pacchetto malformato',
  'mqtt.connack.130': 'errore di protocollo',
  'mqtt.connack.131': 'errore specifico del server',
  'mqtt.connack.132': 'versione del protocollo non supportata',
  'mqtt.connack.133': 'identificativo del client non valido',
  'mqtt.connack.134': 'nome utente o password errati',
  'mqtt.connack.135': 'non autorizzato',
  'mqtt.connack.136': 'server non disponibile',
  'mqtt.connack.137': 'server occupato',
  'mqtt.connack.138': 'bloccato dal server',
  'mqtt.connack.140': 'metodo di autenticazione errato',
  'mqtt.connack.144': 'nome del topic non valido',
  'mqtt.connack.149': 'pacchetto troppo grande',
  'mqtt.connack.151': 'quota superata',
  'mqtt.connack.153': 'formato del contenuto non valido',
  'mqtt.connack.154': 'retain non supportato',
  'mqtt.connack.155': 'QoS non supportato',
  'mqtt.connack.156': 'usare un altro server',
  'mqtt.connack.157': 'server spostato',
  'mqtt.connack.159': 'troppe connessioni in poco tempo',
  'mqtt.connack.unknown': 'codice sconosciuto',
  'mqtt.noconnack': 'Nessuna risposta MQTT (CONNACK) da {host}:{port} entro {limit}',
  'mqtt.notmqtt': '{host}:{port} risponde, ma non in MQTT: sulla porta {port} c’è qualcos’altro',
  'mqtt.noconnack.fix':
    'Il TLS verso {host}:{port} funziona ma l’MQTT no: un firewall o un proxy ispeziona o blocca l’MQTT. Consentire MQTT su TLS (TCP {port}) verso {host} senza modifiche.',
  'mqtt.nottried':
    'MQTT non provato (--no-mqtt-connect): il TLS verso {host}:{port} funziona, ma non è stata chiesta una risposta al broker',

  'env.route.ok': 'Percorso IPv4 predefinito tramite {gateway} su {iface}',
  'lab.list.runone': 'Per eseguirne uno: zapcheck site --lab <scenario>',
  'env.source.tools': 'strumenti di rete del sistema',
  'env.source.unreadable': '{path} non leggibile',
  'env.source.platform': 'non letto su {platform}',
  'env.source.failed': 'impossibile leggere i percorsi: {reason}',
  'env.source.lab': 'scenario di laboratorio {name} (simulato)',
  'env.source.lab.unreadable':
    'scenario di laboratorio {name} (simulato: la tabella dei percorsi non si può leggere)',
  'env.route.unknown': 'Non è stato possibile capire se questa rete fornisce IPv4 ({source})',
  'env.route.none': 'Questa rete non fornisce un percorso IPv4 verso internet',
  'env.route.none.fix':
    'La stazione usa soltanto IPv4: dare IPv4 alla rete delle stazioni (DHCP con un gateway IPv4); una rete solo IPv6 non la può servire.',
  'env.route.none.installer':
    'Verificare che il portatile sia collegato alla rete che useranno le stazioni, poi ripetere zapcheck.',
  'env.proxy.ok': 'Su questo portatile non è configurato nessun proxy',
  'env.proxy':
    'Questo portatile è impostato per usare un proxy ({list}); le stazioni non possono. zapcheck ha provato collegamenti diretti',
  'env.proxy.fix':
    'Le stazioni non possono usare un proxy: il sito deve consentire direttamente gli host e le porte delle stazioni, senza proxy.',

  'verdict.ready': 'RETE PRONTA',
  'verdict.notready': 'RETE NON PRONTA',
  'verdict.interrupted': 'VERIFICA INTERROTTA',
  'verdict.notchecked': '(non verificato: {list})',
  'status.pass': 'ok',
  'status.warn': 'avviso',
  'status.fail': 'non superato',
  'status.skip': 'non verificato',
  'status.error': 'errore',
  'status.info': 'info',

  'term.header': 'sito "{site}" · profilo {profile}',
  'term.header.unnamed': 'profilo {profile}',
  'term.header.lab': 'LAB, sito simulato: {scenario}',
  'term.count.fail.one': '{n} non superato',
  'term.count.fail.many': '{n} non superati',
  'term.count.error.one': '{n} errore',
  'term.count.error.many': '{n} errori',
  'term.count.warn.one': '{n} avviso',
  'term.count.warn.many': '{n} avvisi',
  'term.count.skip.one': '{n} saltato',
  'term.count.skip.many': '{n} saltati',
  'term.count.pass.one': '{n} superato',
  'term.count.pass.many': '{n} superati',
  'term.ready': 'La rete è adatta alle stazioni di ricarica.',
  'term.details.heading': 'Dettagli (--verbose): ogni controllo, quanto è durato e le sue evidenze grezze',
  'term.ready.partial':
    'Quello che è stato verificato funziona; prima di consegnare il sito ripeti il controllo senza --only.',
  'term.ready.warn':
    'La rete è adatta alle stazioni di ricarica; conviene comunque sistemare gli avvisi qui sotto.',
  'term.interrupted': 'La verifica è stata interrotta: le prove segnate con "-" non sono state completate.',
  'term.it.heading': 'Cosa chiedere di cambiare all’IT del sito:',
  'term.installer.heading': 'Per l’installatore:',
  'term.notchecked.heading': 'Non verificato:',
  'term.duration': '({seconds} s)',
  'term.duration.short': '(meno di un secondo)',
  'term.spinner.start': 'Verifica della rete del sito…',
  'term.spinner.progress': 'Verifica ({done}/{total}) {names}',

  'report.title': 'Verifica della rete per stazioni di ricarica',
  'report.site': 'Sito',
  'report.address': 'Indirizzo',
  'report.date': 'Data',
  'report.profile': 'Profilo della stazione',
  'report.chargers': 'Stazioni previste',
  'report.notes': 'Note',
  'report.lab': 'LAB: sito simulato (scenario di laboratorio "{scenario}"), non è una rete reale',
  'report.verdict.ready': 'La rete è adatta alle stazioni di ricarica.',
  'report.verdict.ready.warn':
    'La rete è adatta alle stazioni di ricarica; conviene comunque sistemare gli avvisi.',
  'report.verdict.notready': 'La rete non è ancora adatta alle stazioni di ricarica: vedere cosa cambiare.',
  'report.verdict.interrupted': 'La verifica è stata interrotta prima della fine: ripeterla.',
  'report.counts':
    '{pass} superate, {warn} avvisi, {fail} non superate, {skip} non verificate, {error} errori',
  'report.req.heading': 'Requisiti (manuale di installazione, pagina sulla rete)',
  'report.req.col.requirement': 'Requisito',
  'report.req.col.result': 'Esito',
  'report.req.col.detail': 'Dettaglio',
  'req.R1': 'Wi-Fi 2,4 GHz (802.11 b/g/n), canale da 1 a 11',
  'req.R2': 'DHCP con un indirizzo libero per ogni stazione',
  'req.R3': 'Traffico dati: circa 3 MB per stazione al giorno',
  'req.R4': 'Traffico cifrato (TLS) da un capo all’altro, senza ispezione',
  'req.R5': 'Sincronizzazione dell’ora: NTP, UDP 123 in uscita',
  'req.R6': 'HTTPS, TCP 443 in uscita (API del cloud, aggiornamenti firmware)',
  'req.R7': 'MQTT su TLS, TCP 8883 in uscita (canale principale verso il cloud)',
  'req.R8': 'DNS: tutti gli host del cloud si risolvono',
  'req.R9': 'Nessuna porta in ingresso: funziona dietro NAT',
  'req.more': '(e {n, plural, one {un altro} other {altri #}})',
  'req.because.fail': 'non superato a causa di {what}',
  'req.because.warn': 'avviso a causa di {what}',
  'req.root.intercepted.by': 'il TLS è intercettato da {product}',
  'req.root.intercepted': 'il TLS è intercettato',
  'req.root.dns': '{host} non si risolve ({cause})',
  'req.root.dns.many': '{n, plural, one {# host non si risolve} other {# host non si risolvono}} ({cause})',
  'req.root.tcp': 'TCP {port} verso {host} non si connette ({cause})',
  'req.root.tcp.many': 'TCP {port} non si connette verso {n} host ({cause})',
  'req.root.tls': 'TLS verso {host}:{port} non riesce ({cause})',
  'req.root.tls.many': 'TLS non riesce verso {n} host ({cause})',
  'survey.heading': 'Rilievo Wi-Fi di {site}, punto {spot}: rete {ssid}',
  'survey.samples': 'campioni {samples} dBm; minimo {min}, mediana {median} dBm',
  'survey.where': 'BSSID {bssid}, canale {channel} ({band} GHz)',
  'survey.kept':
    'Salvato con il sito ({n, plural, one {# punto rilevato} other {# punti rilevati}}). Tutti i punti: zapcheck survey "{site}" --list',
  'survey.notkept': 'Non salvato (--no-history).',
  'survey.keepfail': 'Impossibile salvare la misura in {dir}: {message}',
  'survey.list.heading':
    'Rilievo Wi-Fi di {site}: {n, plural, one {# punto} other {# punti}}, la misura più recente di ciascuno',
  'survey.list.none':
    'Ancora nessun rilievo di {site}. Misurare in ogni posizione di una stazione: zapcheck survey "{site}" --spot "<nome>"',
  'survey.col.spot': 'Punto',
  'survey.col.taken': 'Misurato',
  'survey.col.ssid': 'Rete',
  'survey.col.median': 'Mediana',
  'survey.col.min': 'Minimo',
  'survey.col.channel': 'Canale',
  'survey.col.verdict': 'Esito',
  'survey.forgot':
    'Punto {spot} di {site} dimenticato ({n, plural, one {# misura rimossa} other {# misure rimosse}}).',
  'survey.fix.weak': 'Aggiungere un access point o avvicinare quello esistente a {spot}.',
  'survey.notseen': 'non rilevata',
  'survey.sample': 'campione {i} di {n}: {dbm}',
  'err.survey.nossid':
    'Qual è la rete del sito? Indicarla con --ssid, oppure con ssid: nella voce del sito in zapcheck.yaml.',
  'err.survey.nospot':
    'Indicare la posizione della stazione: --spot "<nome>" (oppure --list, o --forget <punto>).',
  'err.survey.spot': 'Il nome di un punto è una sola riga stampabile di al massimo 60 caratteri.',
  'err.survey.samples': '--samples deve essere un numero intero da 1 a 100 (ricevuto {value}).',
  'err.survey.unknownspot': 'Nessun punto di nome {spot} nel rilievo di {site}. I suoi punti: {spots}',
  'err.survey.noscan': 'Impossibile misurare il Wi-Fi: {message}',
  'err.scanfile.many':
    'Più file di scansione (o una cartella) si ripercorrono solo con --watch, oppure con zapcheck survey.',
  'err.scanfile.empty': 'La cartella {file} non contiene file di scansione.',
  'watch.start': 'Osservo {ssid}: un campione ogni {seconds} s. Ctrl-C per terminare.',
  'watch.line': '{ssid} {bar} ora {current}  min {min}  mediana {median}  {bssid} can. {channel}  {verdict}',
  'watch.notseen': '{ssid}: non rilevata in questa scansione',
  'watch.any': 'la rete a cui è collegato il portatile',
  'report.survey.heading': 'Rilievo Wi-Fi: segnale in ogni posizione delle stazioni',
  'req.R1.survey.pass':
    '{n, plural, one {# punto rilevato} other {# punti rilevati}}, il più debole {spot} a {dbm}',
  'req.R1.survey.bad': 'punto più debole {spot}: {dbm} ({cause}); {fix}',
  'req.R1.untested':
    'Scansionare il Wi-Fi con un portatile dove saranno montate le stazioni (zapcheck wifi), oppure indicare una scansione salvata.',
  'req.R2.untested':
    'Eseguire zapcheck site (o zapcheck dhcp) con un portatile collegato alla rete del sito.',
  'req.R1.nossid':
    'non verificato: nessuna rete del sito indicata (indicare la rete Wi-Fi delle stazioni nelle impostazioni del sito)',
  'req.R7.nomqtt':
    'TLS verificato, MQTT non provato (sonda MQTT disattivata; solo un CONNACK dall’hub dimostra R7)',
  'req.R4.pass': 'tutte le {n} connessioni TLS funzionano e nessuno le intercetta',
  'req.R5.pass.one': 'NTP risponde, orologio scostato di {offset}',
  'req.R5.pass': 'tutti i {n} server NTP rispondono, orologio scostato di {offset}',
  'req.R6.pass': 'TCP 443 si connette a tutti i {n} host e ognuno risponde in HTTPS',
  'req.R7.pass': 'TCP 8883 si connette, TLS verificato, l’hub risponde in MQTT (CONNACK)',
  'req.R8.pass': 'tutti i {n} host del cloud si risolvono',
  'req.detail.none': 'non verificato: nulla in questa esecuzione lo verifica',
  'req.R3.metered':
    'Circa {total} al mese per {chargers, plural, one {# stazione} other {# stazioni}}, su una connessione a consumo.',
  'req.R3.unmetered':
    'Circa {total} al mese per {chargers, plural, one {# stazione} other {# stazioni}}; la connessione non è a consumo.',
  'req.R3.unknown': 'Numero di stazioni non indicato: aggiungerlo nelle impostazioni del sito.',
  'req.R9.detail': 'Non serve nulla in ingresso: non aprire né inoltrare porte per le stazioni di ricarica.',
  'report.fix.heading': 'Cosa cambiare',
  'report.fix.it': 'Per l’IT del sito',
  'report.fix.installer': 'Per l’installatore',
  'report.fix.none': 'Niente da cambiare.',
  'report.checks.heading': 'Tutte le prove',
  'report.checks.col.check': 'Prova',
  'report.checks.col.summary': 'Risultato',
  'report.wifi.heading': 'Canali Wi-Fi a 2,4 GHz rilevati qui',
  'report.wifi.none':
    'In questo rapporto non c’è una scansione Wi-Fi (nessun adattatore Wi-Fi, o scansione non eseguita).',
  'report.wifi.allowed': 'canali utilizzabili dalla stazione',
  'report.wifi.target': 'la rete delle stazioni',
  'report.wifi.others': 'altre reti',
  'report.wifi.recommended': 'consigliato',
  'report.wifi.axis': 'canale',
  'report.allow.heading': 'Regole per l’IT (solo traffico in uscita)',
  'report.budget.heading': 'Consumo di dati',
  'report.electrical.heading': 'Promemoria elettrici (stessa pagina del manuale)',
  'report.electrical.shortcircuit':
    'Verificare che la corrente di cortocircuito nel punto di allacciamento sia sufficiente per le stazioni previste.',
  'report.electrical.phases':
    'Si consiglia l’alimentazione trifase: permette la gestione dinamica del carico e il bilanciamento delle fasi.',
  'report.footer':
    'Prodotto da zapcheck {version} da un portatile sulla rete del sito: vale per le stazioni se il portatile era sulla rete che useranno.',
  'report.multi.heading': '{n, plural, one {# rapporto} other {# rapporti}}',

  'allow.title': 'Collegamenti in uscita necessari alle stazioni (profilo {profile})',
  'allow.col.host': 'Host',
  'allow.col.port': 'Porta',
  'allow.col.protocol': 'Protocollo',
  'allow.col.required': 'Necessario',
  'allow.col.why': 'A cosa serve',
  'allow.yes': 'sì',
  'allow.optional': 'facoltativo',
  'allow.dns.host': 'Server DNS del DHCP',
  'allow.dns.why':
    'Risoluzione dei nomi di tutti gli host di questo elenco: la stazione usa solo il server DNS che riceve dal DHCP.',
  'allow.proto.ntp': 'NTP',
  'allow.proto.https': 'HTTPS',
  'allow.proto.mqtts': 'MQTT su TLS',
  'allow.proto.tls': 'TLS',
  'allow.proto.dns': 'DNS',
  'allow.rule.hostname':
    'Consentire questi collegamenti per nome host, non per indirizzo IP: gli indirizzi del cloud (Azure) cambiano senza preavviso.',
  'allow.rule.inbound':
    'Non servono regole in ingresso né inoltro di porte: le stazioni funzionano dietro NAT.',
  'allow.rule.tls':
    'Nessuna ispezione TLS (decifratura) per questi host: la stazione accetta solo i certificati veri e attraverso l’ispezione non si collega.',
  'allow.rule.proxy':
    'Nessun proxy: le stazioni non possono usarlo, quindi questi collegamenti devono uscire direttamente.',
  'allow.rule.dhcp': 'Le stazioni ricevono indirizzo IPv4 e server DNS dal DHCP (solo IPv4).',
  'why.zaptec.ntp':
    'Sincronizzazione dell’ora (NTP, UDP 123): l’IoT Hub rifiuta una stazione con l’orologio sbagliato di oltre 5 minuti.',
  'why.zaptec.mqtt':
    'Canale principale verso ZapCloud (MQTT su TLS 1.2 verso un Azure IoT Hub): invio dello stato, ricezione dei comandi di avvio e arresto.',
  'why.zaptec.api.azure': 'API di ZapCloud su HTTPS, usata per gli aggiornamenti firmware.',
  'why.zaptec.devices':
    'Aggiornamenti firmware su HTTPS; la stazione verifica questo host con una CA radice privata di Zaptec.',
  'why.zaptec.api': 'API di Zaptec su HTTPS, usata per gli aggiornamenti firmware.',
  'why.zaptec.ntp.fallback':
    'Sincronizzazione dell’ora di riserva (NTP, UDP 123) usata dal firmware della Go.',

  'budget.base': '{chargers} stazioni × {perDay} MB al giorno × {days} giorni = {mb}',
  'budget.sessions': '{sessions} sessioni di ricarica × {perSession} MB = {mb}',
  'budget.total': 'Totale: circa {total} al mese',
  'budget.advice':
    'Scegliere un piano dati mobile (LTE) di almeno {plan} al mese: il totale più il 50% per aggiornamenti firmware e riconnessioni.',
  'budget.assumption':
    'Calcolato con {sessions, plural, one {# sessione} other {# sessioni}} di ricarica per stazione al giorno; modificabile nelle impostazioni del sito.',
  'budget.notmetered': 'La connessione non è a consumo: nessun piano dati da dimensionare.',
  'budget.nochargers':
    'Indicare il numero di stazioni nelle impostazioni del sito per dimensionare il piano dati.',

  'diff.title': 'Differenze da {a} a {b}',
  'diff.verdict': 'Esito: {a} → {b}',
  'diff.fixed': 'Risolti',
  'diff.regressed': 'Peggiorati',
  'diff.unchanged': 'Invariati',
  'diff.added': 'Prove nuove',
  'diff.removed': 'Prove non più eseguite',
  'diff.none': '(nessuno)',
  'diff.othersite': 'Nota: questi rapporti sono di siti diversi ("{a}" e "{b}").',

  'sites.col.site': 'Sito',
  'sites.col.chargers': 'Stazioni',
  'sites.col.last': 'Ultima verifica',
  'sites.col.verdict': 'Esito',
  'sites.never': 'mai verificato',
  'sites.none':
    'Ancora nessun sito: scrivere un zapcheck.yaml (zapcheck sites --help ne mostra uno) oppure eseguire zapcheck site "<nome>".',
  'history.col.date': 'Data',
  'history.lab': '{verdict} (LAB: sito simulato)',
  'history.none': 'Nessuna verifica salvata per "{site}" in {dir}.',
  'history.saved': 'Rapporto salvato: {file}',
  'history.savefail': 'zapcheck: impossibile conservare questo rapporto in {dir} ({message})',

  'err.sites.field': '{file}:{line}: {field}: {problem}',
  'err.sites.unknown': 'il sito "{site}" non è in {file}',
  'err.sites.unknown.hint': 'siti in {file}: {names}',
  'err.field.type': 'deve essere {type} (trovato {value})',
  'err.field.unknown': 'campo sconosciuto "{name}"',
  'err.field.required': 'manca il campo "{name}"',
  'err.field.min': 'deve essere almeno {limit} (trovato {value})',
  'err.field.max': 'deve essere al massimo {limit} (trovato {value})',
  'err.field.pattern': 'ha un formato sbagliato (trovato {value})',
  'err.field.length': 'non può essere vuoto',
  'err.field.invalid': 'non è valido (trovato {value})',
  'err.report.notours': '{file} non è un rapporto di zapcheck',
  'err.report.newer':
    '{file} è stato scritto da uno zapcheck più recente (formato {version}); questo legge il formato {supported}',
  'err.report.newer.hint': 'aggiornare zapcheck per visualizzarlo',
  'err.report.older':
    '{file} usa il vecchio formato di rapporto {version}, che questo zapcheck non sa più leggere',
  'err.report.older.hint':
    'eseguire di nuovo zapcheck site per un rapporto nuovo, oppure visualizzarlo con lo zapcheck che l’ha scritto ({tool})',
  'err.report.invalid': '{file}: {field}: {problem}',
  'err.report.nolast': 'nessuna verifica salvata per "{site}" in {dir}',
  'err.report.nolast.hint': 'eseguire prima zapcheck site "{site}", oppure indicare il file del rapporto',
  'err.report.none': 'indicare almeno un file di rapporto, oppure: last ["<sito>"]',
  'err.diff.two': '--diff richiede esattamente due rapporti: prima il vecchio, poi il nuovo',
  'err.diff.format': '--diff produce text, md o json, non {format}',
  'err.format': '--format: "{format}" non è tra {formats}',
  'err.lang': '--lang: la lingua "{lang}" non è supportata',
  'err.lang.hint': 'lingue: en, it',
  // Titoli, Wi-Fi, DHCP, i comandi wifi/dhcp e gli errori d'uso di site/wifi/dhcp.
  'word.and': 'e',
  'word.or': 'o',
  'label.pass': 'OK',
  'label.warn': 'AVVISO',
  'label.fail': 'NON OK',
  'label.skip': 'SALTATO',
  'label.error': 'ERRORE',
  'who.it': 'IT del sito',
  'who.it.router': 'IT del sito / router',
  'who.installer': 'installatore',
  'term.note': 'nota: {note}',

  'title.env.route': 'Percorso IPv4 predefinito (default route)',
  'title.env.proxy': 'Nessun proxy necessario',
  'title.wifi': 'Wi-Fi (2,4 GHz, canale {channels})',
  'title.wifi.ssid': 'Wi-Fi "{ssid}" (2,4 GHz, canale {channels})',
  'title.dhcp': 'DHCP: un indirizzo libero per ogni stazione',

  'wifi.noprobe': 'nessuna scansione Wi-Fi disponibile in questa verifica',
  'wifi.noprobe.fix':
    'Eseguire `zapcheck wifi --ssid "<rete del sito>"` con un portatile dotato di Wi-Fi nel punto dove saranno montate le stazioni, oppure indicare una scansione salvata con --scan-file.',
  'wifi.noscan': 'Wi-Fi non verificato: {message}',
  'wifi.noscan.fix': 'Per verificare il Wi-Fi: {hint}.',
  'wifi.hint.default': 'eseguire zapcheck wifi --scan-file <scansione salvata>',
  // Scan formats whose name has words (src/platform/wifi/detect.ts SCAN_FORMAT_NAMES, the same in English).
  'wifi.format.nmcli-tabular': 'nmcli device wifi list (Linux, NetworkManager, tabella)',
  'wifi.format.iwlist-scan': 'iwlist <if> scan (Linux, estensioni wireless)',
  'wifi.format.airport-scan': 'airport -s (macOS fino a 14.3)',
  'wifi.format.airport-info': 'airport -I (macOS, solo la connessione attuale)',
  'wifi.format.wdutil-info': 'wdutil info (macOS, solo la connessione attuale)',
  'wifi.format.netsh-interfaces': 'netsh wlan show interfaces (Windows, solo la connessione attuale)',
  // Notes of the Wi-Fi scan parsers (src/platform/wifi writes the English text; fromEnglish says it again).
  'wifi.note.iw.dropped':
    '{n, plural, one {# blocco BSS senza frequenza o canale utilizzabile è stato saltato} other {# blocchi BSS senza frequenza o canale utilizzabile sono stati saltati}}',
  'wifi.note.iwlist.dropped':
    '{n, plural, one {# cella senza frequenza o canale utilizzabile è stata saltata} other {# celle senza frequenza o canale utilizzabile sono state saltate}}',
  'wifi.note.mac.off': 'il Wi-Fi di questo Mac è spento',
  'wifi.note.mac.nosignal': 'macOS non dà il segnale di alcune reti vicine',
  'wifi.note.mac.nobssid': 'system_profiler non mostra i BSSID',
  'wifi.note.mac.notassociated': 'il Mac non è collegato a nessuna rete Wi-Fi',
  'wifi.note.mac.redacted':
    'macOS ha nascosto SSID e BSSID (concedi l’accesso alla posizione, oppure eseguilo con sudo)',
  'wifi.note.airport.nobssid':
    '{n, plural, one {# rete senza BSSID} other {# reti senza BSSID}} (macOS nasconde il BSSID senza il permesso di accesso alla posizione)',
  'wifi.note.netsh.cp850': 'corretto il testo CP850 (code page OEM) che era stato letto come Latin-1',
  'wifi.note.netsh.dropped':
    '{n, plural, one {# blocco BSSID senza canale è stato saltato} other {# blocchi BSSID senza canale sono stati saltati}}',
  'wifi.note.netsh.nodetails':
    'netsh elenca {n, plural, one {# rete} other {# reti}} senza i dettagli dei BSSID (né canale né segnale)',
  'wifi.note.netsh.language':
    'sembra una scansione netsh in una lingua che zapcheck non legge; {n, plural, one {# blocco saltato} other {# blocchi saltati}}',
  'wifi.note.netsh.iflanguage':
    'sembra un output di netsh interface in una lingua che zapcheck non legge; {n, plural, one {# blocco saltato} other {# blocchi saltati}}',
  'wifi.note.netsh.connonly': 'solo i dati della connessione: nessuna scansione delle reti vicine',
  'wifi.note.connonly': 'solo i dati della connessione: una rete, nessuna scansione',
  'wifi.note.notjson': 'non è un JSON valido',
  'wifi.note.nmcli.nolayout':
    'nessuna disposizione nota dei campi di nmcli corrisponde a {n, plural, one {questa riga} other {queste # righe}}',
  'wifi.note.nmcli.unplaced':
    '{n, plural, one {# rete senza canale né frequenza} other {# reti senza canale né frequenza}} (campi: {fields}): impossibile collocarle in una banda',
  'wifi.note.nmcli.skipped':
    '{n, plural, one {# riga non sembrava output di nmcli ed è stata saltata} other {# righe non sembravano output di nmcli e sono state saltate}}',
  'wifi.note.nmcli.rows':
    '{n, plural, one {# riga della tabella senza un canale leggibile è stata saltata} other {# righe della tabella senza un canale leggibile sono state saltate}}',
  'wifi.note.unknown': 'non è l’output di uno strumento di scansione Wi-Fi che zapcheck conosce',
  'wifi.note.parser': 'errore di lettura: {message}',
  'wifi.note.empty.nmcli':
    'nmcli non elenca nessuna rete: il Wi-Fi potrebbe essere spento (nmcli radio wifi on) o non c’è nessuna rete in portata',
  'wifi.note.empty.iw':
    "{cmd} non ha restituito reti (i risultati in memoria possono essere vuoti: esegui 'sudo iw dev {dev} scan')",
  'wifi.note.empty.iwlist':
    'iwlist non ha restituito reti (nessun adattatore ha fatto la scansione, oppure non è stato eseguito come root)',
  'wifi.note.empty.macos':
    'macOS non ha elencato reti (al terminale potrebbe mancare il permesso di accesso alla posizione)',
  'wifi.note.empty.netsh':
    'netsh non elenca nessuna rete: il Wi-Fi potrebbe essere spento, o Windows non ha ancora fatto la scansione (apri una volta il menu Wi-Fi)',
  'wifiscan.file.unreadable': 'impossibile leggere il file di scansione {file}: {message}',
  'wifiscan.file.unknown':
    '{file} non è una scansione Wi-Fi che zapcheck riconosce (nmcli, iw, iwlist, airport, system_profiler, netsh)',
  'wifiscan.platform': 'nessun programma di scansione Wi-Fi conosciuto per {platform}',
  'wifiscan.failed': 'scansione Wi-Fi non riuscita: {message}',
  'wifiscan.tool': '{message}',
  'wifiscan.noadapter.sys':
    'questo computer non ha una scheda Wi-Fi (nessuna interfaccia wireless in /sys/class/net)',
  'wifiscan.noadapter.iw': 'iw non trova nessuna interfaccia wireless',
  'wifiscan.noadapter.nm': 'NetworkManager non vede nessuna scheda Wi-Fi',
  'wifiscan.denied.root': '{message} (la scansione richiede i permessi di root)',
  'wifiscan.noscanner.missing': 'nessun programma di scansione Wi-Fi trovato (mancano nmcli, iw e iwlist)',
  'wifiscan.noscanner.failed': 'nessun programma di scansione Wi-Fi ha funzionato qui',
  'wifiscan.mac.off': 'il Wi-Fi di questo Mac è spento',
  'wifiscan.netsh.missing': 'netsh non trovato',
  'wifiscan.win.location': 'Windows non permette la scansione senza l’autorizzazione alla posizione',
  'wifiscan.win.noadapter':
    'nessuna interfaccia wireless (oppure il servizio Configurazione automatica WLAN è fermo)',
  'wifiscan.hint.file':
    'salvare una scansione con un dispositivo dotato di Wi-Fi (ad es. `nmcli -t device wifi list > scan.txt`) e indicarla con --scan-file scan.txt',
  'wifiscan.hint.timeout': 'ripetere con un --timeout più lungo',
  'wifiscan.hint.noadapter':
    'eseguire zapcheck wifi con un portatile dotato di Wi-Fi nel punto dove sarà montata la stazione, oppure salvare una scansione con un dispositivo dotato di Wi-Fi (ad es. `nmcli -t device wifi list > scan.txt`) e indicarla con --scan-file scan.txt',
  'wifiscan.hint.sudo': 'sudo iw dev {dev} scan > scan.txt, poi zapcheck wifi --scan-file scan.txt',
  'wifiscan.hint.install':
    'installare NetworkManager o iw (ad es. apt install iw, poi sudo iw dev wlan0 scan), oppure salvare una scansione con un dispositivo dotato di Wi-Fi (ad es. `nmcli -t device wifi list > scan.txt`) e indicarla con --scan-file scan.txt',
  'wifiscan.hint.mac.on': 'accendere il Wi-Fi ed eseguire di nuovo zapcheck wifi',
  'wifiscan.hint.mac.save':
    'system_profiler SPAirPortDataType > scan.txt, poi zapcheck wifi --scan-file scan.txt',
  'wifiscan.hint.win.location':
    'Impostazioni > Privacy e sicurezza > Posizione: consentire alle app desktop, poi eseguire di nuovo zapcheck wifi',
  'wifiscan.hint.win.save': 'eseguire netsh wlan show networks mode=bssid > scan.txt',

  'wifi.charger': 'la stazione di ricarica',
  'wifi.security.open.name': 'aperta (senza password)',
  'wifi.signal.unknown': 'segnale sconosciuto',
  'wifi.security.unknown': 'sicurezza sconosciuta',
  'wifi.channel.out':
    '{ssid} è sul canale {channels} a 2,4 GHz, che la stazione non può usare (le serve un canale da {lo} a {hi})',
  'wifi.channel.out.fix':
    'Nelle impostazioni a 2,4 GHz del router disattivare la scelta automatica del canale e impostare per {ssid} un canale fisso: 1, 6 o 11.',
  'wifi.band.ghz': '{ghz, number} GHz',
  'wifi.band.none':
    '{ssid} trasmette solo a {bands}; la stazione ha bisogno di {needed} (canale da {lo} a {hi})',
  'wifi.band.none.fix':
    'Attivare la radio a 2,4 GHz per {ssid} (802.11 b/g/n) e impostare un canale fisso: 1, 6 o 11.',
  'wifi.signal.where':
    'Il segnale va misurato dove saranno montate le stazioni, non dove si trova ora il portatile; una stazione in garage o all’aperto di solito riceve meno.',
  'wifi.signal.nodbm': '{ssid}: questa scansione non indica la potenza del segnale sul canale {channel}',
  'wifi.signal.nodbm.fix':
    'Ripetere la scansione nel punto della stazione con uno strumento che mostri i dBm. {where}',
  'wifi.signal.ok': 'segnale {signal} qui',
  'wifi.signal.weak':
    '{ssid}: il segnale {signal} è debole (servono almeno {pass} dBm; sotto {fail} dBm la stazione perde la connessione)',
  'wifi.signal.tooweak':
    '{ssid}: il segnale {signal} è troppo debole (servono almeno {pass} dBm; sotto {fail} dBm la stazione perde la connessione)',
  'wifi.signal.weak.fix':
    'Avvicinare l’access point alle stazioni o aggiungerne uno (un access point a 2,4 GHz o un nodo mesh vicino alle stazioni).',
  'wifi.security.ok': 'sicurezza {names}',
  'wifi.security.wpa3': 'è solo WPA3 e {profile} non può collegarsi a reti WPA3 (SAE)',
  'wifi.security.wpa3.fix':
    'Impostare {ssid} in modalità mista WPA2/WPA3 (transizione), oppure aggiungere per le stazioni una rete (SSID) WPA2-Personal.',
  'wifi.security.enterprise':
    'richiede un accesso 802.1X/Enterprise (nome utente o certificato), che la stazione non sa fare',
  'wifi.security.enterprise.fix':
    'Creare per le stazioni una rete (SSID) separata WPA2-Personal (con password condivisa), meglio se in una VLAN dedicata.',
  'wifi.security.wep': 'usa WEP, che è insicuro e non supportato',
  'wifi.security.wep.fix': 'Passare {ssid} a WPA2-Personal (AES/CCMP).',
  'wifi.security.open': 'è una rete aperta; la stazione ha bisogno di una password WPA2-Personal',
  'wifi.security.open.fix':
    'Proteggere {ssid} con WPA2-Personal (AES/CCMP), oppure aggiungere una rete così per le stazioni.',
  'wifi.security.other': 'la sua sicurezza ({list}) non è tra quelle supportate dalla stazione',
  'wifi.security.other.fix': 'Usare WPA2-Personal per {ssid}.',
  'wifi.hidden': '{ssid} è nascosta (nome non trasmesso): la stazione, cercando le reti, non la vede',
  'wifi.hidden.fix':
    'Rendere visibile {ssid} (trasmettere il nome della rete), almeno mentre si configurano le stazioni.',
  'wifi.wide':
    '{ssid} usa {width} MHz a 2,4 GHz; così si sovrappone ai canali vicini e rompe lo schema 1/6/11',
  'wifi.wide.fix': 'Impostare la larghezza del canale a 2,4 GHz di {ssid} a {max} MHz.',
  'wifi.congested':
    '{ssid}: il canale {channel} è affollato (punteggio {score}); il canale {best} è più libero (punteggio {bestScore})',
  'wifi.congested.fix':
    'Impostare per {ssid} il canale fisso {best} a 2,4 GHz (e lasciare spenta la scelta automatica del canale).',
  'wifi.channel.notideal':
    'il canale {channel} funziona, ma 1, 6 o 11 (il migliore qui: {best}) evitano sovrapposizioni con le reti vicine',
  'wifi.suitable': '{ssid}: canale {channel} a 2,4 GHz, {signal}, {security}: adatta alla stazione',
  'wifi.noverdict': '{ssid}: nessun esito',
  'wifi.empty': 'la scansione non elenca nessuna rete',
  'wifi.empty.fix': 'Ripetere la scansione con il Wi-Fi acceso, vicino a dove saranno montate le stazioni.',
  'wifi.unread': 'sembra una scansione {tool} in una lingua che zapcheck non legge; {blocks} blocchi saltati',
  'wifi.unread.fix.file':
    'Inviare {file} ai manutentori di zapcheck (aprire una segnalazione e allegarlo) perché la sua lingua possa essere letta; nel frattempo fare la scansione da un portatile impostato in inglese.',
  'wifi.unread.fix.save':
    'Salvare la scansione con `{command}` e inviare {file} ai manutentori di zapcheck (aprire una segnalazione e allegarlo) perché la sua lingua possa essere letta.',
  'wifi.nodetails':
    '{tool} elenca {n, plural, one {# rete} other {# reti}} ma senza i dettagli dei BSSID (canale, segnale)',
  'wifi.nodetails.fix':
    'Il driver Wi-Fi non riporta canale né segnale: aprire una volta il menu Wi-Fi di Windows e ripetere la scansione; se resta così, aggiornare il driver Wi-Fi o fare la scansione da un altro portatile.',
  'wifi.notfound':
    '{ssid} non compare in questa scansione ({n, plural, one {# rete rilevata} other {# reti rilevate}})',
  'wifi.notfound.hidden':
    '{ssid} non compare in questa scansione ({n, plural, one {# rete rilevata} other {# reti rilevate}}, di cui {hidden, plural, one {# nascosta} other {# nascoste}})',
  'wifi.notfound.fix':
    'Controllare il nome della rete (ortografia esatta, maiuscole e minuscole) e fare la scansione dove saranno montate le stazioni.',
  'wifi.notfound.hidden.fix':
    'Se {ssid} è una rete nascosta, renderla visibile: anche la stazione, cercando le reti, non vede quelle nascoste.',
  'wifi.notfound.off.fix': 'Verificare che {ssid} sia accesa e trasmessa a 2,4 GHz.',
  'wifi.onlyhidden': 'la scansione elenca solo reti nascoste ({n})',
  'wifi.onlyhidden.fix': 'Indicare la rete del sito con --ssid.',
  'wifi.choose':
    'non verificato: indicare la rete del sito (--ssid); {ok, plural, one {# delle {total} reti visibili andrebbe bene} other {# delle {total} reti visibili andrebbero bene}} per la stazione: {list}',
  'wifi.choose.none':
    'non verificato: indicare la rete del sito (--ssid); {total, plural, one {l’unica rete visibile non andrebbe bene} other {nessuna delle # reti visibili andrebbe bene}} per la stazione: {list}',
  'wifi.choose.fix': 'Ripetere con --ssid "<rete del sito>" per avere l’esito su quella rete.',

  'wifi.term.scan': 'Scansione: {format}{from}, {n, plural, one {# rete} other {# reti}}',
  'wifi.term.scan.from': ' dal file {path}',
  'wifi.term.scan.none': 'Scansione: non possibile qui ({reason})',
  'wifi.term.by.option': 'indicata con --ssid',
  'wifi.term.by.connected': 'la rete a cui è collegato questo portatile',
  'wifi.term.by.all': 'tutte le reti visibili',
  'wifi.term.network': 'Rete {ssid} ({by})',
  'wifi.term.networks': 'Reti ({by}):',
  'wifi.term.verdict': 'Esito:',
  'wifi.term.chart':
    'Canali a 2,4 GHz (reti per canale; > = rete delle stazioni, * = consigliato per la stazione):',
  'wifi.term.load': 'carico {score}',
  'wifi.term.cannotuse': '(non utilizzabile dalla stazione)',

  'dhcp.infinite': 'illimitato',
  'dhcp.offer.address': 'offre {address}',
  'dhcp.offer.router': 'router {routers}',
  'dhcp.offer.norouter': 'nessun router',
  'dhcp.offer.lease': 'durata lease {lease}',
  'dhcp.offer.relay': '(tramite relay {from})',
  'dhcp.measured.sweep':
    'stima: un pacchetto a ogni indirizzo di {range}, poi la tabella dei dispositivi vicini ({source}); i dispositivi spenti o silenziosi non si vedono',
  'dhcp.measured.passive':
    'stima passiva: la tabella dei dispositivi vicini ({source}) elenca solo i dispositivi con cui questo portatile ha comunicato di recente; quelli in standby non si vedono',
  'dhcp.note.sweep': 'scansione degli indirizzi non eseguita: {message}',
  'dhcp.note.neighbours': 'tabella dei dispositivi vicini non letta: {message}',
  'dhcp.nooffer':
    'nessun server DHCP ha risposto a una richiesta DHCPDISCOVER su {iface} entro {seconds, number, 1} s: gli indirizzi sono esauriti oppure non c’è un server DHCP',
  'dhcp.nooffer.fix':
    'Verificare che un server DHCP serva la rete a cui si collegano le stazioni ({network}) e che abbia indirizzi liberi; se sono finiti, ridurre la durata del lease o ampliare l’intervallo di indirizzi.',
  'dhcp.thisnetwork': 'questa rete',
  'dhcp.multiple':
    '{n} server DHCP hanno risposto su {iface}: {offers}; la stazione prende l’indirizzo da chi risponde per primo, e un secondo server (non autorizzato) distribuisce un gateway sbagliato',
  'dhcp.multiple.fix':
    'Su questa rete deve rispondere un solo server DHCP: disattivare il server DHCP del router o access point in più (server visti: {servers}), oppure attivare il DHCP snooping sugli switch.',
  'dhcp.multiple.installer':
    'Di solito la causa è un secondo router domestico collegato LAN-LAN: impostarlo in modalità access point/bridge.',
  'dhcp.differs.router': 'router {routers} (questo portatile usa {gateway})',
  'dhcp.differs.server': 'server {server} (il lease di questo portatile viene da {own})',
  'dhcp.differs': 'il server DHCP che ha risposto offre un valore diverso: {diffs}',
  'dhcp.differs.fix':
    'Verificare quale server DHCP deve servire questa rete; l’offerta ricevuta era: {offer}.',
  'dhcp.note.dns':
    'i server DNS dell’offerta ({offered}) sono diversi da quelli di questo portatile ({own}): le verifiche DNS hanno usato quelli del portatile',
  'dhcp.note.lease': 'lease offerto {offered}; il lease di questo portatile è {own}',
  'dhcp.note.probe': '--probe non eseguito: {message}',
  'dhcp.note.probe.none': '--probe non eseguito',
  'dhcp.unknown': 'sconosciuto',
  'dhcp.static':
    'questo portatile ha un indirizzo statico ({subnet} su {iface}) e nessun lease DHCP, quindi il server DHCP del sito non è stato visto',
  'dhcp.static.required':
    'non verificato: {what}; impostare il portatile in DHCP oppure eseguire `zapcheck dhcp --probe`',
  'dhcp.linklocal':
    'questo portatile ha chiesto un indirizzo tramite DHCP su {iface} e non l’ha ottenuto: si è assegnato {address} (169.254/16), quindi nessun server DHCP risponde',
  'dhcp.static.notrequired': '{what}; il profilo non richiede il DHCP',
  'dhcp.static.installer':
    'Impostare il portatile in DHCP (indirizzo automatico) sulla rete che useranno le stazioni ed eseguire di nuovo zapcheck, oppure eseguire `sudo zapcheck dhcp --probe` per interrogare direttamente il server DHCP.',
  'dhcp.static.it':
    'Le stazioni hanno bisogno di un server DHCP sulla loro rete (IPv4, un indirizzo per stazione); non possono usare un indirizzo statico.',
  'dhcp.counts':
    'circa {free, plural, one {# indirizzo libero} other {# indirizzi liberi}} su {size} in {pool}',
  'dhcp.counts.subnet':
    'circa {free, plural, one {# indirizzo libero} other {# indirizzi liberi}} su {size} in {pool} (la sottorete {subnet}, esclusi rete, broadcast, gateway e questo portatile)',
  'dhcp.note.subnetpool':
    'come intervallo è stata presa l’intera sottorete; di solito il server DHCP ne distribuisce solo una parte: indicare --dhcp-range per una stima più precisa',
  'dhcp.pool.fix':
    'Ampliare l’intervallo DHCP (ora {pool}) in modo che {n, plural, one {resti libero almeno # indirizzo} other {restino liberi almeno # indirizzi}} per le stazioni, ridurre la durata del lease, oppure riservare gli indirizzi alle stazioni in base al MAC.',
  'dhcp.pool.short':
    'intervallo DHCP troppo piccolo: {counts}; {chargers, plural, one {# stazione ne richiede} other {# stazioni ne richiedono}} {needed}',
  'dhcp.pool.tight':
    'intervallo DHCP al limite: {counts}; {chargers, plural, one {# stazione ne richiede} other {# stazioni ne richiedono}} {needed}, {comfortable} con margine',
  'dhcp.pool.enough':
    '{counts}; bastano per {chargers, plural, one {# stazione} other {# stazioni}} ({needed} necessari, {comfortable} con margine)',
  'dhcp.note.chargers': 'indicare --chargers N per valutare se bastano',
  'dhcp.note.shortlease':
    'lease breve ({lease}) con l’intervallo usato almeno a metà: i dispositivi che vanno e vengono tengono occupati gli indirizzi; per le stazioni è adatto un lease di diverse ore',
  'dhcp.noaddress':
    'non verificato: questo portatile non ha un indirizzo IPv4 su una rete con gateway; collegarlo alla rete del sito che useranno le stazioni',
  'dhcp.noaddress.fix':
    'Collegare il portatile alla rete (Wi-Fi o cavo) a cui si collegheranno le stazioni ed eseguire di nuovo zapcheck.',
  'dhcp.also': 'inoltre {causes}',
  'dhcp.method.sweep': 'stima con scansione degli indirizzi',
  'dhcp.method.passive': 'stima passiva',
  'dhcp.judge': 'indicare --chargers N per una valutazione',
  'dhcp.noprobe':
    'questa esecuzione non può leggere ciò che il DHCP ha assegnato a questo computer, quindi il pool di indirizzi non è stato esaminato',
  'dhcp.factsfailed': 'zapcheck non è riuscito a leggere la configurazione di rete: {message}',
  'dhcp.fmt.net': 'interfaccia {iface}  indirizzo {subnet}  gateway {gateway}  indirizzamento {addressing}',
  'dhcp.fmt.server': 'server DHCP {server}  lease {lease}  scade {expires}  DNS {dns}',
  'dhcp.fmt.pool':
    'intervallo {pool}: {size, plural, one {# indirizzo} other {# indirizzi}}, {inUse} visti in uso, {free} liberi, {needed} necessari ({method})',
  'dhcp.fmt.method.sweep': 'con scansione',
  'dhcp.fmt.method.passive': 'passiva',
  'dhcp.fmt.discover': 'DHCPDISCOVER: {n, plural, one {# offerta} other {# offerte}}',
  'dhcp.fmt.offer': 'server {server}: offre {address}, router {routers}, DNS {dns}, lease {lease} s',
  'dhcp.fmt.fix': 'da fare ({who}): {text}',
  'dhcp.probe.notpermitted':
    '--probe richiede i permessi di root (Linux, macOS: eseguirlo con sudo) o un prompt da amministratore (Windows): la porta UDP {port} è riservata',

  'err.site.empty': 'il nome del sito è vuoto',
  'err.site.long': 'il nome del sito è più lungo di 120 caratteri',
  'err.lab.latency': '--lab-latency vale solo insieme a --lab',
  'cli.root.description':
    'Verifica se la rete di un sito è adatta alle stazioni di ricarica Zaptec (Wi-Fi, DHCP, DNS, NTP, HTTPS, MQTT su TLS) e dice in parole semplici cosa chiedere di cambiare all’IT del sito.',
  'cli.root.lang': 'lingua di aiuto, messaggi e rapporti (predefinita: da LANG)',
  'cli.root.after':
    'Codici di uscita:\n  0  pronto (avvisi ammessi)      1  non pronto\n  2  errore d’uso o di input      3  errore interno\n  130 interrotto (Ctrl-C)          143 terminato (SIGTERM)\n\nEsempi:\n  zapcheck site --lab                      verifica completa sul sito simulato integrato\n  zapcheck site "Garage Nord" --json report.json\n  zapcheck site --lab tls-intercepted      un guasto simulato\n  zapcheck lab --list                      i guasti simulati',
  'cli.version.option': 'mostra la versione',
  'cli.help.option': 'mostra l’aiuto',
  'cli.help.command': 'mostra l’aiuto di un comando',
  'cli.help.after': '(usa --help per vedere come si usa)',
  'cli.help.usage': 'Utilizzo:',
  'cli.help.options': 'Opzioni:',
  'cli.help.commands': 'Comandi:',
  'cli.help.arguments': 'Argomenti:',
  'cli.help.globalOptions': 'Opzioni globali:',
  'cli.help.usage.options': '[opzioni]',
  'cli.help.usage.command': '[comando]',
  'cli.help.default': 'predefinito: {value}',
  'cli.help.choices': 'valori: {list}',
  'cli.err.unknownOption': "errore: opzione sconosciuta '{flag}'",
  'cli.err.unknownCommand': "errore: comando sconosciuto '{name}'",
  'cli.err.missingArgument': "errore: manca l’argomento obbligatorio '{name}'",
  'cli.err.optionArgument': "errore: manca il valore dell’opzione '{flags}'",
  'cli.err.mandatory': "errore: l’opzione obbligatoria '{flags}' non è stata indicata",
  'cli.err.option': "l’opzione '{flags}'",
  'cli.err.conflict': 'errore: {a} non si può usare insieme a {b}',
  'cli.err.excess': 'errore: troppi argomenti: al massimo {expected}, ricevuti {got}.',
  'cli.err.excess.for': "errore: troppi argomenti per '{name}': al massimo {expected}, ricevuti {got}.",
  'cli.err.choices':
    "errore: il valore '{value}' dell’opzione '{flags}' non è valido. Valori ammessi: {list}.",
  'cli.cmd.site':
    'verifica se la rete di questo sito è adatta alle stazioni di ricarica (da eseguire sulla rete che useranno le stazioni)',
  'cli.cmd.profiles': 'elenca i profili delle stazioni di ricarica integrati',
  'cli.cmd.lab':
    'il sito simulato integrato: elenca i suoi scenari di guasto (per eseguirne uno: zapcheck site --lab <scenario>)',
  'cli.cmd.wifi': 'il Wi-Fi è a 2,4 GHz sui canali 1-11, abbastanza forte e pulito? (R1)',
  'cli.cmd.survey': 'segnale Wi-Fi in ogni posizione delle stazioni, conservato con il sito (R1)',
  'cli.cmd.dhcp': 'ci sarà un indirizzo DHCP libero per ogni stazione? (R2)',
  'cli.cmd.sites': 'elenca i siti (zapcheck.yaml e verifiche passate) con l’ultimo esito e la data',
  'cli.cmd.history': 'elenca le verifiche salvate di un sito (o di tutti i siti), dalla più recente',
  'cli.cmd.report':
    'trasforma i rapporti JSON in una consegna stampabile (html), Markdown, JUnit XML o testo; oppure confronta due rapporti',
  'cli.cmd.allowlist':
    'stampa cosa l’IT del sito deve lasciar uscire per le stazioni (host, porte, protocolli, perché)',
  'cli.completion.description':
    'stampa uno script di completamento per la shell (comandi, opzioni, scenari del laboratorio, profili) per bash, zsh o PowerShell',
  'cli.completion.shell': 'bash, zsh o powershell',
  'cli.completion.after':
    'Per caricarlo:\n  bash        source <(zapcheck completion bash)\n  zsh         source <(zapcheck completion zsh)\n  PowerShell  zapcheck completion powershell | Out-String | Invoke-Expression',
  // Each command's, argument's and option's own description, and the text after its help.
  'help.site.after':
    '\nLe verifiche si fanno come si collega una stazione di ricarica: solo IPv4, con il server DNS dato dal DHCP (o --dns-server),\nTLS convalidato solo con le radici pubbliche (mai l’archivio del sistema operativo), nessun proxy. Non serve nulla in entrata.\nOgni verifica reale è salvata come JSON nello storico (zapcheck history --help); quelle sul sito simulato solo con --reports-dir.\n--handover garage.pdf scrive la consegna stampabile della verifica, lo stesso documento di\nzapcheck report <il JSON della verifica> -o garage.pdf. Senza un browser per stampare il PDF lo dice, non scrive\nil PDF, e il codice di uscita segue comunque l’esito; il rapporto JSON e lo storico restano salvati.\n\nCodici di uscita: 0 pronto (avvisi ammessi; con --strict no, e nemmeno verifiche non fatte), 1 non pronto, 2 input errato,\n3 errore interno, 130 interrotto (Ctrl-C), 143 terminato (SIGTERM).',
  'help.site.opt.handover':
    'scrive anche la consegna stampabile di questa verifica; l’estensione sceglie il formato: .pdf (servono Chrome, Chromium o Edge: senza, il PDF non viene scritto, il codice di uscita segue comunque l’esito e il rapporto JSON è salvato), .html o .md',
  'help.site.opt.only':
    'esegue solo questi tipi o controlli (elenco separato da virgole, es. dns,ntp), con ciò che richiedono; gli altri risultano "non eseguiti"',
  'help.site.opt.list-checks':
    'elenca cosa controlla una verifica (id, titoli, cosa richiede ciascun controllo) senza eseguire nulla',
  'help.site.opt.no-history': 'non salva questa verifica nello storico',
  'help.site.opt.reports-dir':
    'salva qui il rapporto JSON di questa verifica (predefinito: la cartella dati dell’utente)',
  'help.site.opt.installer':
    'chi consegna il sito, "<nome>, <ditta>": salvato nel rapporto e stampato con le righe per la firma',
  'help.site.opt.sites':
    'file dei siti con stazioni, ssid, profilo e intervallo DHCP di ogni sito (predefinito: zapcheck.yaml qui)',
  'help.site.opt.ascii': 'simboli ASCII semplici (per le vecchie console di Windows)',
  'help.site.opt.lang': 'lingua del rapporto (predefinita: da LANG)',
  'help.site.opt.dhcp-range':
    'l’intervallo di indirizzi DHCP, es. 192.168.1.100-192.168.1.199 oppure 192.168.1.0/24',
  'help.site.opt.chargers': 'numero di stazioni di ricarica previste (0-10000)',
  'help.site.opt.scan-file': 'usa una scansione Wi-Fi salvata invece di fare la scansione',
  'help.site.opt.ssid': 'la rete Wi-Fi a cui si collegheranno le stazioni',
  'help.site.opt.no-mqtt-connect':
    'non invia il CONNECT MQTT all’hub (id di prova casuale, nessuna credenziale): MQTT risulta allora "non verificato"',
  'help.site.opt.strict':
    'anche gli avvisi e le verifiche non eseguibili rendono il sito non pronto (uscita 1)',
  'help.site.opt.trust-roots':
    'convalida le catene TLS pubbliche con queste radici invece di quelle Mozilla incluse',
  'help.site.opt.dns-server': 'interroga questo server DNS invece di quello dato dal DHCP (si può ripetere)',
  'help.site.opt.json': 'scrive anche il rapporto JSON in un file, oppure - per lo standard output',
  'help.site.opt.profile':
    'profilo della stazione: un id integrato (zapcheck profiles) oppure un file JSON/YAML',
  'help.site.opt.lab':
    'verifica sul sito simulato integrato (non serve internet); scenari: zapcheck lab --list',
  'help.site.arg.name': 'nome del sito per il rapporto (predefinito: sito; site nelle verifiche in inglese)',
  'help.site.opt.lab-latency': 'ritarda ogni scambio del sito simulato di questi millisecondi',
  'help.site.opt.deadline': 'la verifica intera termina entro questo tempo',
  'help.site.opt.quiet':
    'stampa solo la riga dell’esito (gli errori vanno comunque su stderr); il resto lo dice il codice di uscita',
  'help.site.opt.verbose': 'stampa anche il tempo, gli indirizzi e i dati grezzi di ogni controllo',
  'help.dhcp.after':
    '\nCodici di uscita: 0 indirizzi sufficienti (avvisi ammessi), 1 non pronto, 2 errore d’uso, 3 errore interno (come per site).\n\nEsempi:\n  zapcheck dhcp --chargers 12\n  zapcheck dhcp --chargers 12 --dhcp-range 192.168.1.100-192.168.1.199 --sweep\n  sudo zapcheck dhcp --probe',
  'help.dhcp.opt.quiet': 'stampa solo la riga dell’esito; il resto lo dice il codice di uscita',
  'help.dhcp.opt.lang': 'lingua del rapporto (predefinita: da LANG)',
  'help.dhcp.opt.json': 'scrive il rapporto JSON in un file, oppure - per lo standard output',
  'help.dhcp.opt.profile': 'profilo della stazione (predefinito: zaptec-pro)',
  'help.dhcp.opt.interface':
    'interfaccia di rete da verificare (predefinita: quella con la route IPv4 predefinita)',
  'help.dhcp.opt.probe':
    'invia in broadcast un DHCPDISCOVER ed elenca ogni server che offre un indirizzo (servono i permessi di root/amministratore; nessun indirizzo viene preso)',
  'help.dhcp.opt.sweep':
    'invia un piccolo datagramma UDP a ogni indirizzo dell’intervallo (al massimo un /22) prima di leggere la tabella dei vicini; nelle reti aziendali può far scattare un allarme',
  'help.dhcp.opt.dhcp-range':
    'l’intervallo di indirizzi DHCP, es. 192.168.1.100-192.168.1.199 oppure 192.168.1.0/24 (predefinito: la sottorete)',
  'help.dhcp.opt.chargers': 'numero di stazioni di ricarica previste su questa rete',
  'help.dhcp.description':
    'Margine DHCP (R2): indirizzi liberi nell’intervallo per le stazioni previste, dall’indirizzo di questo portatile e\ndalla tabella dei vicini; --sweep per risvegliare prima la tabella dei vicini, --probe per interrogare i server DHCP (server abusivi)',
  'help.dhcp.opt.probe-window': 'per quanto tempo --probe attende le offerte',
  'help.wifi.after':
    '\nEsempi:\n  zapcheck wifi --ssid "Garage"                 scansione qui, consigli su quella rete\n  zapcheck wifi --scan-file scan.txt --json -   analizza una scansione salvata da qualcuno\n  zapcheck wifi --watch --ssid "Garage"         misuratore dal vivo mentre si va verso le posizioni delle stazioni\n  zapcheck wifi --watch --scan-file saved/      ripete una cartella di scansioni salvate, un campione ciascuna\n  nmcli -t device wifi list > scan.txt          come salvare una scansione su Linux (macOS: system_profiler\n                                                SPAirPortDataType; Windows: netsh wlan show networks mode=bssid)\n\nCodici di uscita: 0 adatta (avvisi ammessi) o non verificata, 1 non adatta, 2 errore d’uso.',
  'help.wifi.opt.timeout': 'tempo massimo per la scansione',
  'help.wifi.opt.lang': 'lingua del rapporto (predefinita: da LANG)',
  'help.wifi.opt.json':
    'scrive anche il rapporto JSON in un file (- = standard output, e allora niente testo sul terminale)',
  'help.wifi.opt.profile': 'profilo della stazione: zaptec-pro, zaptec-go oppure un file .json/.yaml',
  'help.wifi.opt.watch':
    'misuratore dal vivo: ripete la scansione ogni 1,5 s e mostra il segnale (ora, minimo, mediana) rispetto alle soglie; Ctrl-C lo termina',
  'help.wifi.opt.scan-file':
    'analizza una scansione salvata invece di fare la scansione (output di nmcli, iw, iwlist, airport, system_profiler o netsh); con --watch si può ripetere, o dare una cartella, ripetuta in ordine',
  'help.wifi.opt.ssid':
    'la rete del sito (predefinita: la rete di questo portatile, altrimenti tutte quelle visibili)',
  'help.wifi.description':
    'Verifica se una rete Wi-Fi è adatta alla stazione di ricarica: 2,4 GHz sui canali 1-11, segnale qui, sicurezza,\nSSID nascosto, larghezza del canale e affollamento sui canali 1, 6 e 11.',
  'help.wifi.opt.quiet': 'stampa solo la riga dell’esito; il resto lo dice il codice di uscita',
  'help.survey.after':
    '\nEsempi:\n  zapcheck survey "Garage Nord" --spot "Box 1"       cinque campioni qui, a un secondo l’uno dall’altro; salvati con il sito\n  zapcheck survey "Garage Nord" --list               ogni posizione, con la sua lettura più recente\n  zapcheck survey "Garage Nord" --forget "Box 1"     elimina una posizione\n  zapcheck survey "Garage Nord" --spot "Box 2" --ssid Garage --scan-file saved/   ripete scansioni salvate\n\nCodici di uscita: 0 la posizione va bene (avvisi ammessi), 1 il segnale lì non basta, 2 errore d’uso o\nlettura impossibile.',
  'help.survey.opt.timeout': 'tempo massimo per ogni scansione',
  'help.survey.opt.no-history': 'non salva questa lettura',
  'help.survey.opt.reports-dir': 'dove si conservano lo storico (e il rilievo)',
  'help.survey.opt.sites': 'file dei siti (predefinito: zapcheck.yaml qui)',
  'help.survey.opt.lang': 'lingua (predefinita: da LANG)',
  'help.survey.opt.json':
    'scrive anche la lettura (o con --list le posizioni) come JSON; - = standard output',
  'help.survey.opt.profile': 'profilo della stazione: zaptec-pro, zaptec-go oppure un file .json/.yaml',
  'help.survey.opt.forget': 'elimina tutte le letture di una posizione',
  'help.survey.opt.list': 'ogni posizione del sito, con la sua lettura più recente',
  'help.survey.opt.scan-file':
    'usa scansioni salvate invece di fare la scansione, una per campione, in ordine (si può ripetere; una cartella = i suoi file in ordine di nome)',
  'help.survey.opt.ssid': 'la rete del sito (predefinita: ssid: del sito in zapcheck.yaml)',
  'help.survey.opt.spot': 'la posizione della stazione qui, es. "Box 3"',
  'help.survey.arg.site': 'il sito (il suo ssid viene da zapcheck.yaml se non si indica --ssid)',
  'help.survey.description':
    'Prende alcuni campioni Wi-Fi dove verrà montata una stazione, giudica quella posizione con le soglie di segnale del profilo (e le altre regole del controllo Wi-Fi) e salva la lettura con il sito; la consegna elenca ogni posizione.',
  'help.survey.opt.samples':
    'campioni da prendere, a un secondo l’uno dall’altro (predefinito 5; con --scan-file: uno per file)',
  'help.report.after':
    '\nEsempi:\n  zapcheck report last "Garage Nord" --format html -o garage.html   consegna stampabile di una pagina\n  zapcheck report last "Garage Nord" -o garage.pdf                  la stessa in PDF (Chromium senza finestra)\n  zapcheck report report.json --format junit -o zapcheck.xml         per la CI\n  zapcheck report old.json new.json --diff                           cosa ha risolto o rotto una modifica\n\nCon --diff il codice di uscita è 1 quando un controllo è peggiorato (prima era superato o con avviso e ora\nfallisce, va in errore o non si può più verificare), altrimenti 0.\n\nTutto segue --lang, qualunque fosse la lingua della verifica (i rapporti di zapcheck 0.1.0 mantengono\ni riepiloghi dei controlli nella lingua della verifica).',
  'help.report.opt.profile':
    'profilo della stazione per l’elenco da autorizzare (predefinito: quello del rapporto)',
  'help.report.opt.reports-dir':
    'dove si conservano le verifiche, per "last" (predefinito: la cartella dati dell’utente)',
  'help.report.opt.sites':
    'il file dei siti per indirizzo, stazioni, connessione a consumo (predefinito: zapcheck.yaml)',
  'help.report.opt.lang': 'lingua del rapporto (predefinita: da LANG)',
  'help.report.opt.installer':
    '"<nome>, <ditta>" per le righe della firma (predefinito: quello del rapporto, altrimenti del file dei siti)',
  'help.report.opt.diff':
    'confronta due rapporti (prima il vecchio, poi il nuovo): risolti, peggiorati, invariati',
  'help.report.opt.output': 'scrive in questo file (in modo atomico) invece che sullo standard output',
  'help.report.opt.format':
    'formato di uscita (predefinito: dall’estensione di -o, altrimenti testo); pdf richiede Chrome, Chromium o Edge',
  'help.report.arg.reports':
    'file di rapporto JSON, oppure: last ["nome del sito"] per l’ultima verifica salvata',
  'help.report.opt.chargers': 'stazioni previste, per il consumo di dati',
  'help.allowlist.after':
    '\nIl CSV si apre in un foglio di calcolo: inizia con un byte-order mark e, con --lang it, le celle sono\nseparate da ";" (come si aspetta Excel dove i decimali si scrivono con la virgola).\n\nSolo in uscita, autorizzato per nome host (gli indirizzi del cloud cambiano); nulla in entrata (il NAT va bene);\nnessuna ispezione TLS e nessun proxy per questi host.',
  'help.allowlist.opt.output': 'scrive in questo file (in modo atomico) invece che sullo standard output',
  'help.allowlist.opt.lang': 'lingua (predefinita: da LANG)',
  'help.allowlist.opt.format': 'formato di uscita (predefinito: dall’estensione di -o, altrimenti testo)',
  'help.allowlist.opt.profile': 'profilo della stazione: un id integrato oppure un file JSON/YAML',
  'help.sites.after':
    '\nUn file dei siti (zapcheck.yaml; JSON Schema: schemas/sites.schema.json nel pacchetto):\n\n  sites:\n    Garage Nord:\n      address: Via Roma 1, Milano\n      chargers: 8\n      ssid: ZAPTEC-NET\n      profile: zaptec-pro\n      dhcpRange: 192.168.10.100-192.168.10.199\n      metered: true                 # uplink 4G/LTE: il rapporto dimensiona il piano dati\n      sessionsPerChargerPerDay: 2   # per il consumo di dati (predefinito 1)\n      notes: Router nel locale tecnico, 2° piano\n      installer: Mario Rossi, Elettro Srl   # sulla consegna, con le righe per la firma\n\nzapcheck site "Garage Nord" prende poi da qui chargers, ssid, profile e dhcpRange (le opzioni hanno la precedenza).\ndhcpRange è primo-ultimo, oppure un blocco CIDR (192.168.10.0/24: i suoi indirizzi host).\n\nzapcheck sites --check segnala, con file:riga, un dhcpRange più piccolo di quanto servono le stazioni, un profilo\nche non esiste o non si carica, e un nome di sito ripetuto; uscita 0 se è tutto a posto, altrimenti 2.\nOgni zapcheck site fa prima lo stesso controllo (avvisi; il profilo guasto del sito stesso è un errore).',
  'help.sites.opt.lang': 'lingua (predefinita: da LANG)',
  'help.sites.opt.format': 'formato di uscita',
  'help.sites.opt.check':
    'controlla il file dei siti: intervalli DHCP più piccoli delle stazioni, profili sconosciuti, nomi ripetuti (uscita 2 se ce ne sono)',
  'help.sites.opt.reports-dir': 'dove si conservano le verifiche (predefinito: la cartella dati dell’utente)',
  'help.sites.opt.sites': 'il file dei siti (predefinito: zapcheck.yaml in questa cartella)',
  'help.history.after':
    '\nOgni verifica reale di zapcheck site è salvata come JSON, un file per verifica, mai sovrascritto:\n  Linux    $XDG_DATA_HOME/zapcheck (~/.local/share/zapcheck)\n  macOS    ~/Library/Application Support/zapcheck\n  Windows  %LOCALAPPDATA%\\zapcheck\n--reports-dir o ZAPCHECK_REPORTS_DIR scelgono un’altra cartella.',
  'help.history.opt.lang': 'lingua (predefinita: da LANG)',
  'help.history.opt.format': 'formato di uscita',
  'help.history.opt.reports-dir':
    'dove si conservano le verifiche (predefinito: la cartella dati dell’utente)',
  'help.history.arg.site': 'nome del sito',
  'help.lab.opt.json': 'in formato JSON',
  'help.lab.opt.list': 'elenca gli scenari (predefinito)',
  'help.profiles.opt.json': 'in formato JSON',
  'help.profiles.show.opt.json': 'in formato JSON',
  'help.profiles.show.arg.idpath': 'id del profilo oppure file',
  'help.profiles.show.description': 'stampa un profilo (id integrato o file), in YAML oppure con --json',
  // `zapcheck profiles` and `profiles show`; the built-in profiles' descriptions (English: src/profile/builtin.ts).
  'profiles.footer': 'zapcheck profiles show <id> ne stampa uno; --profile <file.json|file.yaml> usa il tuo.',
  'profiles.show.endpoints': 'Collegamenti in uscita:',
  'profiles.show.optional': '(facoltativo)',
  'profile.zaptec-pro.description':
    'ZapCharger Pro (manuale di installazione p. 57): Wi-Fi 2,4 GHz canali 1-11, DHCP, DNS, NTP, HTTPS 443, MQTT/TLS 8883.',
  'profile.zaptec-go.description':
    'Zaptec Go: gli stessi collegamenti della Pro più i server NTP del suo firmware; solo IPv4 e DHCP, nessun proxy, niente 802.1X, reti solo WPA3 non supportate.',
  'err.completion.shell': 'nessun completamento per la shell "{shell}"',
  'err.completion.hint': 'shell: {shells}',
  'err.didyoumean': 'forse intendevi {names}?',
  'err.help.unknown': 'comando inesistente: "{name}"',
  'err.help.unknown.hint': 'comandi: {names}',
  'err.range': '{option}: "{value}" è fuori intervallo: indicare un numero maggiore di 0 e al massimo {max}',
  'err.range.int': '{option}: "{value}" è fuori intervallo: indicare un numero intero da 0 a {max}',
  'err.lab.unknown': 'scenario di laboratorio "{name}" sconosciuto',
  'err.lab.unknown.hint': 'scenari disponibili: {names} (zapcheck lab --list)',
  'err.lab.dns': '--dns-server non si può usare insieme a --lab',
  'err.dnsserver': '--dns-server: "{value}" non è un indirizzo IPv4 (con porta facoltativa)',
  'err.dnsserver.hint': 'esempio: --dns-server 192.168.1.1 oppure --dns-server 127.0.0.1:5353',
  'err.pem.parse': '{what}: {file} contiene un certificato che non si riesce a leggere',
  'err.pem.none': '{what}: {file} non contiene nessun certificato PEM',
  'err.profile.unknown': 'profilo "{ref}" sconosciuto',
  'err.profile.unknown.hint': 'profili integrati: {ids}; oppure indicare il percorso di un file .json/.yaml',
  // JSON and YAML syntax errors in plain words, with file:line:column (src/core/syntax-errors.ts).
  'err.syntax': '{file}:{line}:{column}: il {format} non è valido in questo punto: {problem}',
  'syntax.yaml.unclosed': 'manca un "{char}": una lista o una mappa aperta con [ o { non è chiusa',
  'syntax.yaml.quote': 'manca la virgoletta di chiusura',
  'syntax.yaml.missing': 'qui manca un carattere (una virgoletta, una virgola o i due punti)',
  'syntax.yaml.tab': 'per rientrare è usato un tab: in YAML si rientra solo con gli spazi',
  'syntax.yaml.twokeys':
    'due "chiave:" sulla stessa riga, o una chiave su due righe: una chiave per riga, e metti tra virgolette un valore che contiene ": "',
  'syntax.yaml.duplicate': 'questa chiave compare due volte nella stessa sezione',
  'syntax.yaml.unexpected': 'questo non è previsto qui (controlla il rientro e le parentesi più sopra)',
  'syntax.yaml.escape':
    'un escape \\ errato tra "virgolette doppie": usa le virgolette singole, oppure scrivi \\\\',
  'syntax.yaml.longkey': 'una chiave più lunga di 1024 caratteri',
  'syntax.yaml.documents': 'più di un documento (una riga "---" in mezzo al file)',
  'syntax.yaml.indent':
    'il rientro è sbagliato: le chiavi di una stessa sezione devono iniziare alla stessa colonna',
  'syntax.yaml.start': 'un valore non può iniziare con {char}: mettilo tra virgolette',
  'syntax.yaml.aliases': 'troppi alias (*nome): il file si espanderebbe in troppi dati',
  'syntax.yaml.other':
    'qui il YAML non si riesce a leggere (controlla il rientro, le virgolette e le parentesi)',
  'syntax.json.end':
    'il file finisce prima che il JSON sia completo (una parentesi o una virgoletta non è chiusa)',
  'syntax.json.expected': 'atteso {expected}, trovato {found}',
  'syntax.json.name': 'un nome di campo tra "virgolette doppie"',
  'syntax.json.colon': '":" dopo il nome del campo',
  'syntax.json.commaOrBrace': '"," oppure "}"',
  'syntax.json.commaOrBracket': '"," oppure "]"',
  'syntax.json.value': 'un valore (testo tra "virgolette doppie", un numero, true, false, null, [ o {)',
  'syntax.json.eof': 'la fine del file',
  'syntax.json.trailing':
    'una virgola prima della parentesi di chiusura: JSON non ne ammette dopo l’ultimo elemento',
  'syntax.json.single': 'in JSON il testo va tra "virgolette doppie", non tra \'singole\'',
  'syntax.json.string': 'un escape \\ errato o un a capo tra "virgolette doppie"',
  'err.profile.invalid': 'profilo {source} non valido:\n{errors}',
  'err.ssid': '--ssid: il nome di una rete Wi-Fi è lungo da 1 a 32 byte',
  'err.timeout': '--timeout: "{value}" non è un numero di millisecondi tra 100 e 600000',
  'err.scanfile.bad': '--scan-file: {message}',
  'err.scanfile.bad.hint':
    'formati supportati: nmcli -t / tabella, iw scan, iwlist scan, airport -s/-I, system_profiler (testo o -json), netsh wlan show networks mode=bssid / interfaces',
  'err.chargers': '--chargers {value} non è un numero di stazioni',
  'err.chargers.hint': 'indicare un numero intero da 0 a {max}, ad es. --chargers 12',
  'err.sweep.large': '--sweep copre al massimo {max} indirizzi (una /22); {range} ne ha {n}',
  'err.sweep.large.hint': 'indicare solo la parte dell’intervallo che il server DHCP distribuisce davvero',
  'err.interface': '--interface {value} non è un nome di interfaccia',
  'err.probewindow': '--probe-window {value}: indicare i millisecondi, tra 500 e 20000',
  'err.probe.root':
    '--probe richiede i permessi di root: resta in ascolto sulla porta UDP 68, dove rispondono i server DHCP',
  'err.probe.root.hint':
    'eseguirlo così: sudo npx zapcheck dhcp --probe (su Windows, da un prompt da amministratore)',
  'err.range.form': '--dhcp-range {value} non è un intervallo',
  'err.range.ipv4': '--dhcp-range {value}: non sono indirizzi IPv4',
  'err.range.order': '--dhcp-range {value}: l’ultimo indirizzo viene prima del primo',
  'err.range.large': '--dhcp-range {value} è più grande di una /16',
  'err.range.hint':
    'scriverlo come primo-ultimo o come blocco CIDR, ad es. --dhcp-range 192.168.1.100-192.168.1.199 o --dhcp-range 192.168.1.0/24',
  'input.what.profile': 'file di profilo',
  'input.what.sites': 'file dei siti',
  'input.what.scan': '--scan-file',
  'input.what.pem': 'file PEM',
  'input.what.report': 'rapporto',
  'input.what.history': 'file della cronologia',
  'input.type.fifo': 'una FIFO (pipe con nome)',
  'input.type.socket': 'un socket',
  'input.type.device': 'un dispositivo',
  'err.input.empty': '{what}: il nome del file è vuoto',
  'err.input.notfound': '{what} {file} non trovato',
  'err.input.denied': '{what} {file}: permesso negato',
  'err.input.loop': '{what} {file}: troppi collegamenti simbolici (un ciclo di link)',
  'err.input.open': 'impossibile leggere {what} {file} ({code})',
  'err.input.dir': '{what} {file} è una cartella, non un file',
  'err.input.special': '{what} {file} è {type}, non un file normale',
  'err.input.special.hint': 'salvare prima il contenuto in un file e indicare quel file',
  'err.input.large': '{what} {file} è di {size}; il limite è {limit}',
  'err.input.binary': '{what} {file} non è un file di testo',
  'err.input.deep': '{what} {file} ha più di {limit} livelli annidati',
  'err.output.empty': '{option}: il nome del file è vuoto',
  'err.output.dir': '{option} {file} è una cartella; indicare un nome di file',
  'err.output.nodir': '{option} {file}: la cartella {dir} non esiste',
  'err.output.notdir': '{option} {file}: {dir} non è una cartella',
  'err.output.denied': '{option} {file}: la cartella {dir} non è scrivibile',
  'err.output.write': '{option}: impossibile scrivere {file} ({code})',
  'err.output.write.hint': 'il rapporto qui sopra è completo; manca solo questo file',
  'err.reportsdir.notdir': '--reports-dir {dir}: {path} non è una cartella',
  'err.reportsdir.create': '--reports-dir {dir}: impossibile creare la cartella ({code})',
  'err.reportsdir.denied': '--reports-dir {dir} non è scrivibile',
  'err.option.empty': '{option}: un valore vuoto non è ammesso',
  'err.interface.unknown': '--interface {value}: questo computer non ha questa interfaccia di rete',
  'err.interface.unknown.hint': 'interfacce presenti: {names}',
  'err.watchdog': 'zapcheck: non terminato {seconds} s dopo l’avvio (--deadline più 1 s): arresto immediato',
  'err.signal.second': 'zapcheck: secondo {signal}: arresto immediato con quanto raccolto',
  'pem.what.profile': 'trust del profilo per {host}',
  'err.scanfile.read': '--scan-file: impossibile leggere {file}',
  // ---- the handover: installer, signatures, chart labels, PDF (issue 13, item 7) ----
  'report.wifi.pass': '{dbm} dBm: buono',
  'report.wifi.fail': '{dbm} dBm: sotto si disconnette',
  'report.installer': 'Installatore',
  'report.signoff.heading': 'Consegna',
  'report.signoff.installer': 'Installatore',
  'report.signoff.it': 'IT del sito',
  'report.signoff.signature': 'Firma',
  'report.signoff.date': 'Data',
  'report.signoff.checked': 'rete verificata il {date}',
  'err.installer.long': '--installer: al massimo {max} caratteri',
  'err.installer.empty': '--installer: indicare un nome',
  'err.installer.hint': 'per esempio --installer "Mario Rossi, Elettro Srl" (nome, poi ditta)',
  'err.pdf.output': '--format pdf scrive un file: indicare -o <file>.pdf',
  'err.pdf.nobrowser': 'impossibile creare il PDF: nessun Chrome, Chromium o Edge trovato su questo computer',
  'err.pdf.failed': 'impossibile creare il PDF: il browser {browser} non è riuscito ({message})',
  'err.pdf.hint':
    'usare --format html -o consegna.html, aprirlo in un browser e stamparlo (o salvarlo come PDF); oppure installare Chromium, o indicare il browser in CHROME_PATH',
  // ---- site --handover <file> ----
  'err.handover.format':
    '--handover: "{file}" non finisce in .pdf, .html o .md (il formato segue l’estensione)',
  'err.handover.format.hint': 'per esempio --handover consegna.pdf (o consegna.html, consegna.md)',
  'site.handover.saved': 'Documento di consegna scritto: {file}',
  'site.handover.nobrowser':
    'Documento di consegna {file} non scritto: su questo computer non c’è Chrome, Chromium o Edge per stampare il PDF. La verifica è completa e il suo rapporto è conservato.',
  'site.handover.failed':
    'Documento di consegna {file} non scritto: il browser {browser} non è riuscito a stampare il PDF ({message}). La verifica è completa e il suo rapporto è conservato.',
  'site.handover.hint':
    'usare --handover consegna.html e stamparlo da un browser; oppure installare Chromium (o indicarlo in CHROME_PATH) e creare il PDF dal rapporto salvato: zapcheck report <rapporto.json> -o {file}',
  // ---- words (issue 13): file errors in plain words, for the profile and sites files ----
  'schema.top': '(livello principale)',
  'schema.or': '{a} o {b}',
  'schema.type.integer': 'un numero intero',
  'schema.type.number': 'un numero',
  'schema.type.string': 'un testo',
  'schema.type.boolean': 'true o false',
  'schema.type.array': 'un elenco',
  'schema.type.object': 'un insieme di campi',
  'schema.type.null': 'vuoto',
  'schema.type': '{value} non è {type}',
  'schema.enum': '{value} non è ammesso; valori ammessi: {allowed}',
  'schema.const': '{value} non è ammesso; l’unico valore ammesso è {allowed}',
  'schema.between': '{value} è fuori intervallo: ammesso da {min} a {max}',
  'schema.min': '{value} è troppo piccolo: almeno {limit}',
  'schema.max': '{value} è troppo grande: al massimo {limit}',
  'schema.empty': 'non può essere vuoto',
  'schema.short': '{value} è troppo corto: almeno {limit} caratteri',
  'schema.long': 'è lungo {n} caratteri: al massimo {limit} ammessi',
  'schema.items.empty': 'l’elenco non può essere vuoto',
  'schema.items.few': 'l’elenco deve avere almeno {limit} voci',
  'schema.items.many': 'l’elenco ha {n} voci: al massimo {limit} ammesse',
  'schema.items.twice': '{value} compare due volte nell’elenco',
  'schema.form': '{value} non è nella forma prevista',
  'schema.invalid': '{value} non è valido qui',
  'schema.unknown': 'campo sconosciuto "{name}"',
  'schema.unknown.known': 'campo sconosciuto "{name}"; i campi ammessi qui sono: {known}',
  'schema.required': 'manca il campo "{name}"',
  'profile.help.id':
    '{value} non è un id di profilo valido: lettere minuscole, cifre, ".", "_" e "-", iniziando con una lettera o una cifra, al massimo 64 caratteri',
  'profile.help.host':
    '{value} non è un nome DNS valido: etichette di lettere, cifre e "-" unite da punti singoli, ad es. api.zaptec.com',
  'profile.help.trust':
    '{value} non è un trust: scrivere public, private, {pem: <file dei certificati radice>} o {issuer: <nome dell’emittente>}',
  'profile.help.path': '{value} non è un percorso URL: inizia con "/", ad es. /health',
  'profile.extends': '{value} non è un profilo integrato; profili integrati: {ids}',
  'profile.twice': '{key} compare due volte (già come {first})',
  'profile.rssi':
    'failDbm {fail} è sopra passDbm {pass}: il livello di fallimento è il segnale più debole (ad es. passDbm -67, failDbm -74)',
  'profile.channels':
    '{bad}. Questo elenco sono i canali a 2,4 GHz che la stazione di ricarica può usare: da 1 a 13',
  'profile.channel.14': 'il canale 14 non è ammesso (solo Giappone, solo 802.11b)',
  'profile.channel.5ghz': '{channel} è un canale a 5 GHz',
  'profile.channel.6ghz': '{channel} è un canale a 6 GHz',
  'profile.channel.none': '{channel} non è un canale Wi-Fi',
  'profile.more': '{n, plural, one {un altro problema non mostrato} other {altri # problemi non mostrati}}',
  'sites.help.dhcpRange':
    '{value} non è un pool DHCP: scrivere primo-ultimo (192.168.10.100-192.168.10.199) o un blocco CIDR (192.168.10.0/24)',
  'sites.help.name': '{value} non è un nome di sito: da 1 a 120 caratteri, senza caratteri di controllo',
  'sites.range.form':
    '{value} non è un pool DHCP: scrivere primo-ultimo (192.168.10.100-192.168.10.199) o un blocco CIDR (192.168.10.0/24)',
  'sites.range.ipv4':
    '{value} non è fatto di indirizzi IPv4 (quattro numeri da 0 a 255; un prefisso al massimo /32)',
  'sites.range.order': '{value}: l’ultimo indirizzo viene prima del primo',
  'sites.range.large':
    '{value} è più grande di una /16 (65.536 indirizzi): indicare il pool che il server DHCP distribuisce davvero',
  'err.sites.twice': '{file}:{line}: "{key}" compare due volte qui (la prima alla riga {first})',
  'sites.duplicate':
    '{site}: questo nome di sito compare due volte (la prima alla riga {first}); un’esecuzione usa questa voce successiva',
  'sites.duplicate.case':
    '{site}: differisce da "{other}" (riga {first}) solo per maiuscole, accenti o spazi; zapcheck site li trova come un solo sito',
  'sites.profile': '{site}: profilo: {message}',
  'sites.pool.small':
    '{site}: il pool DHCP {range} ha {size, plural, one {# indirizzo} other {# indirizzi}}, troppo pochi per {chargers, plural, one {# stazione} other {# stazioni}} (ne servono {needed})',
  'sites.problem': '{file}:{line}: {message}',
  'sites.problem.warning': '{file}:{line}: attenzione: {message}',
  'sites.check.ok': '{file}: {n, plural, one {# sito} other {# siti}}, nessun problema',
  'sites.check.problems':
    '{file}: {n, plural, one {# problema} other {# problemi}} in {sites, plural, one {# sito} other {# siti}}',
  'sites.check.nofile':
    'nessun file dei siti: {file} non è in questa cartella; indicarne uno con --sites <file>',
  'sites.others':
    '{file}: {n, plural, one {# problema} other {# problemi}} in altri siti; zapcheck sites --check li elenca',
  // ---- words (issue 13): network notes, address ranges, addressing, the default site name ----
  'net.note.platform': 'zapcheck non sa leggere la configurazione di rete su {platform}',
  'net.note.noroute.iface': 'nessun percorso IPv4 predefinito su {iface}',
  'net.note.noroute':
    'questo portatile non ha un percorso IPv4 predefinito: non è collegato a una rete con un gateway',
  'net.note.routes': 'impossibile leggere la tabella di instradamento: {message}',
  'net.note.dhcp.nolease':
    'l’indirizzo su {iface} è stato dato da un client DHCP, ma non c’è un file di lease: server e durata del lease sconosciuti',
  'net.note.static': '{address} su {iface} non ha lease né durata: è un indirizzo statico',
  'net.note.static.nm':
    '{address} su {iface} non ha lease né durata: è un indirizzo statico (metodo manuale di NetworkManager)',
  'net.note.static.mac':
    '{iface} non ha un pacchetto DHCP (ipconfig getpacket {iface} è vuoto): è un indirizzo statico',
  'net.note.ipconfig': 'impossibile eseguire ipconfig /all: {message}',
  'net.note.nogateway': 'nessuna scheda di rete con un gateway IPv4 predefinito in ipconfig /all',
  'net.note.static.win': '"{name}" ha il DHCP disattivato: è un indirizzo statico',
  'dns.range.unspecified': 'non specificato',
  'dns.range.loopback': 'di loopback',
  'dns.range.private': 'privato',
  'dns.range.carrierGradeNat': 'CGNAT (NAT dell’operatore)',
  'dns.range.linkLocal': 'link-local',
  'dns.range.broadcast': 'di broadcast',
  'dhcp.addressing.dhcp': 'DHCP',
  'dhcp.addressing.static': 'statico',
  'dhcp.addressing.unknown': 'sconosciuto',
  'site.default': 'sito',
  'unit.ms': '{x} ms',
  'unit.s': '{x, number} s',
  'unit.s.1': '{x, number, 1} s',
  'unit.min': '{x, number} min',
  'unit.min.1': '{x, number, 1} min',
  'unit.h': '{x, number} h',
  'unit.d': '{x, number} g',
  'unit.mb': '{x, number} MB',
  'unit.gb': '{x, number} GB',
  'text.capital': '{text, capital}',
  'dhcp.summary.also': '{main}; {also}',
  'dhcp.summary.method': '{main} ({method})',
  'dhcp.summary.judge': '{main}; {judge}',
  'wifi.security.bad': '{ssid}: {reason}',
} satisfies Partial<Record<MessageKey, string>>;
