"""KB benchmarks (R-KB-1, R-KB-2, R-X-5): search over 10,000 articles, suggestions over KB +
200,000 past requests, rebuild of the article index, build of the request index."""
from __future__ import annotations

import itertools
import time

from harness import Bench

SEARCHES = ["caldaia in blocco", "stampante carta inceppata", "condizionatore non raffredda",
            "perdita acqua", "rete lenta", "errore E01 bruciatore", "pressione bassa caldaia",
            "wifi si disconnette", "scontrino bianco", "telecamera notte", "inverter allarme",
            "toner sbiadito", "stamp", "calda", "backup fallito nas", "password bloccata"]
DESCRIPTIONS = [
    "Il cliente segnala che la caldaia va in blocco ogni mattina con errore E01, il bruciatore "
    "non si accende e non c'è acqua calda",
    "La stampante multifunzione dell'ufficio inceppa la carta nel cassetto 2 e i fogli escono "
    "accartocciati",
    "Il condizionatore della sala riunioni soffia aria ma non raffredda, forse manca gas",
    "Gocciola acqua sotto la caldaia dalla valvola di sicurezza, pressione a 3 bar",
    "Rete molto lenta quando si copiano file dal server, gli utenti si lamentano",
    "Il registratore di cassa non invia i corrispettivi da tre giorni",
]


def benchmarks(env) -> list[Bench]:
    from servicedesk.queries.kb import KbFilter, search, suggest
    from servicedesk.search import index as search_index

    def ensure() -> None:
        # The cached large DB is filled with raw SQL; demo.generate() should end with
        # rebuild_indexes(). Until it does, build the (derived) index once here.
        if not search_index.index_status(env.db).ok:
            t0 = time.perf_counter()
            out = search_index.rebuild_indexes(env.db)
            print(f"kb: index built in {time.perf_counter() - t0:.1f} s: {out}")

    ensure()
    rows = env.db.execute_sql(
        "SELECT ru.unit_id, u.product_id FROM request_unit ru JOIN unit u ON u.id = ru.unit_id "
        "ORDER BY ru.id LIMIT 50").fetchall() or [(None, None)]
    queries = itertools.cycle(SEARCHES)
    contexts = itertools.cycle(zip(itertools.cycle(DESCRIPTIONS), rows))

    def one_search() -> None:
        search(KbFilter(text=next(queries), typing=True, limit=20), db=env.db)

    def one_suggest() -> None:
        text, (unit, product) = next(contexts)
        suggest(text, [product] if product else [], [unit] if unit else [], db=env.db)

    def rebuild_articles() -> None:
        with env.rolled_back():
            search_index.rebuild_article_index(env.db)

    def build_requests() -> None:
        with env.rolled_back():
            search_index.rebuild_request_index(env.db)

    return [
        Bench("kb_search", one_search, "top 20 over 10,000 articles p95 <= 20 ms", 20.0,
              repeat=64),
        Bench("suggest", one_suggest, "KB + 200,000 past requests p95 <= 30 ms", 30.0,
              repeat=60),
        Bench("kb_rebuild", rebuild_articles, "article index rebuild <= 5 s", 5000.0,
              repeat=3, warmup=0, target_on="median"),
        Bench("kb_request_index", build_requests, "request index build of 200,000 requests "
              "<= 10 s", 10_000.0, repeat=1, warmup=0),
    ]
