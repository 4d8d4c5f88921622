"""Customers and suppliers with their contacts."""
from __future__ import annotations

import itertools
from typing import Any

from .base import Party, Stage
from .vocabulary import NORTH_EAST, places, slug, vat_number, weighted


class PartiesStage(Stage):
    """Italian companies and public offices, valid VAT numbers, contacts who receive notices."""

    # parties: customers, suppliers, contacts
    def build_parties(self) -> None:
        rng, cal = self.rng, self.cal
        towns = places()["places"]
        self.places = towns
        self.place_cum = list(itertools.accumulate(p[3] for p in towns))
        company = self.texts["company"]
        sectors = company["sectors"]
        sector_cum = list(itertools.accumulate(s["w"] for s in sectors))
        self.customers: list[Party] = []
        names_used: set[str] = set()
        vats: set[str] = set()
        earliest = cal.today - 8 * 365
        for i in range(self.scale.customers):
            for _ in range(20):
                sector = self._choose(sectors, sector_cum)
                place = self._choose(towns, self.place_cum)
                name, short = self._company_name(sector, place[0])
                if name not in names_used:
                    break
            names_used.add(name)
            since = earliest + int((cal.today - 60 - earliest) * rng.random() ** 1.4)
            self.customers.append(self._party("C", i + 1, name, short, place, since,
                                              dict(sector["families"]), vats, customer=True))
        self.suppliers: list[tuple[Party, str]] = []
        for i in range(self.scale.suppliers):
            family = self.families[i % len(self.families)]
            for _ in range(20):
                base = self._pick(company["suppliers"][family])
                geo, form = self._pick(company["supplier_geo"]), self._pick(["S.r.l.", "S.p.A."])
                name = f"{base} {geo} {form}"
                if name not in names_used:
                    break
            names_used.add(name)
            place = self._choose(towns, self.place_cum)
            party = self._party("F", i + 1, name, name.rsplit(" ", 1)[0], place, earliest,
                                {family: 1}, vats, customer=False)
            self.suppliers.append((party, family))

    def _company_name(self, sector: dict[str, Any], city: str) -> tuple[str, str]:
        rng = self.rng
        company = self.texts["company"]
        names = self.texts["names"]
        head = self._pick(sector["names"])
        style = sector["style"]
        if style == "surname_or_geo":
            style = "surname" if rng.random() < 0.6 else "geo"
        if style == "shop_or_surname":
            style = "surname" if rng.random() < 0.5 else "shop"
        if style == "comune":
            return f"Comune di {city}", f"Comune di {city}"
        if style == "compound":
            core = self._pick(company["prefix"]) + self._pick(company["suffix"])
        elif style == "geo":
            core = f"{head} {self._pick(company['geo'])}"
        elif style in company["fancy"]:
            core = f"{head} {self._pick(company['fancy'][style])}"
        else:
            surname = self._pick(names["surnames"])
            r = rng.random()
            if sector["forms"] and r < 0.15:
                surname = f"F.lli {surname}"
            elif sector["forms"] and r < 0.25:
                surname = f"{surname} & {self._pick(names['surnames'])}"
            core = f"{head} {surname}"
        form = ""
        if sector["forms"]:
            forms = company["forms"]
            if sector["forms"] == 2:  # industry: always a company form
                forms = [f for f in forms if f[0] in ("S.r.l.", "S.p.A.")]
            form = weighted(rng, [f[0] for f in forms], [f[1] for f in forms], 1)[0]
        return (f"{core} {form}" if form else core), core

    def _party(self, prefix: str, n: int, name: str, short: str, place: list, since: int,
               families: dict[str, int], vats: set[str], *, customer: bool) -> Party:
        rng, w, cal = self.rng, self.w, self.cal
        city, prov, cap = place[0], place[1], place[2]
        while True:
            vat = vat_number(rng, prov)
            if vat not in vats:
                vats.add(vat)
                break
        streets = places()["streets"]
        address = f"{self._pick(streets)} {self._rr(1, 180)}"
        if rng.random() < 0.1:
            address += self._pick(["/A", "/B", " int. 3", " – Zona Industriale"])
        domain = f"{slug(short)}.example"
        is_pa = name.startswith("Comune di")
        sdi = ("".join(self._pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(6))
               if is_pa else ("0000000" if rng.random() < 0.2 else
                              "".join(self._pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                                      for _ in range(7))))
        email = ("protocollo" if is_pa else self._pick(["info", "amministrazione", "segreteria"]))
        pid = w.new_id("party")
        created = cal.ts(since * 1440 + 540)
        w.rows["party"].append((pid, w.uuid(), created, created, 1, f"{prefix}{n:06d}", name,
                                int(customer), int(not customer), vat, vat, address, cap, city,
                                prov, "IT", self._phone(prov), f"{email}@{domain}",
                                f"{slug(short)}@pec.example", sdi, "", 0))
        party = Party(pid, name, short, city, prov, address,
                      self.region.get(prov) in NORTH_EAST, since, families, [], domain)
        self._contacts(party, created, customer)
        return party

    def _contacts(self, party: Party, created: str, customer: bool) -> None:
        rng, w = self.rng, self.w
        company = self.texts["company"]
        count = 1 + (rng.random() < 0.6) + (rng.random() < 0.25)
        roles = (company["contact_roles"] if customer else
                 ["Ufficio assistenza tecnica", "Commerciale", "Amministrazione"])
        noticed = False
        for k in range(count):
            first, last = self._person()
            role = self._pick(roles) if k else ("Titolare" if customer else roles[0])
            notices = customer and not noticed and (
                role in company["notice_roles"] or k == count - 1)
            noticed = noticed or notices
            cid = w.new_id("contact")
            email = f"{slug(first, 20)}.{slug(last, 20)}@{party.domain}"
            w.rows["contact"].append((cid, w.uuid(), created, created, 1, party.id,
                                      f"{first} {last}", role, self._phone(party.province),
                                      self._mobile() if rng.random() < 0.7 else "", email,
                                      int(notices), 0))
            party.contacts.append(cid)
