"""Products of the catalogue and the serial-numbered units customers own."""
from __future__ import annotations

import heapq
import itertools

from ..services import units as units_service
from .base import Stage
from .vocabulary import places, slug, weighted


class UnitsStage(Stage):
    """The product catalogue by family and the units installed at the customers."""

    # products and units
    def build_products(self) -> None:
        w, cal = self.w, self.cal
        fams = self.texts["families"]
        catalogue: dict[str, list[tuple]] = {}
        for family, spec in fams.items():
            items = []
            for manufacturer, pattern, prefix, variants, serial, warranty in spec["items"]:
                for v in variants:
                    items.append((manufacturer, pattern.format(v=v), prefix, v, serial, warranty))
            catalogue[family] = items
        total = sum(len(v) for v in catalogue.values())
        wanted = min(self.scale.products, total)
        weight_sum = sum(fams[f]["weight"] for f in fams)
        quota = {f: max(3, round(wanted * fams[f]["weight"] / weight_sum)) for f in fams}
        created = cal.ts(0 + 480)
        self.products: dict[str, list[int]] = {}
        self.product_weights: dict[str, list[float]] = {}
        self.product_info: dict[int, tuple[str, str, str, str, int]] = {}
        codes: set[str] = set()
        for family, items in catalogue.items():
            chosen = items if quota[family] >= len(items) else self._spread(items, quota[family])
            self.products[family] = []
            self.product_weights[family] = []
            for manufacturer, name, prefix, variant, serial, warranty in chosen:
                code = f"{prefix}-{slug(variant, 16).upper()}"
                while code in codes:
                    code += "X"
                codes.add(code)
                pid = w.new_id("product")
                w.rows["product"].append((pid, w.uuid(), created, created, 1, code, name,
                                          self.family_label[family], manufacturer, warranty, 0))
                self.products[family].append(pid)
                self.product_weights[family].append(self._pick((1, 2, 3, 4, 6)))
                self.product_info[pid] = (family, name, manufacturer, serial, warranty)

    def _spread(self, items: list[tuple], n: int) -> list[tuple]:
        """``n`` items spread across the list (every manufacturer gets a share)."""
        step = len(items) / n
        return [items[int(i * step)] for i in range(n)]

    def build_units(self) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        n_customers = len(self.customers)
        # A few customers with many units, most with a handful; none owning a quarter of all.
        weights = [min(rng.paretovariate(1.6), 25.0) for _ in range(n_customers)]
        total_w = sum(weights)
        extra = self.scale.units - n_customers
        per = [1 + int(extra * x / total_w) for x in weights]
        short = self.scale.units - sum(per)
        for i in heapq.nlargest(max(0, short), range(n_customers), key=weights.__getitem__):
            per[i] += 1
        fams = self.texts["families"]
        product_cum = {f: list(itertools.accumulate(w)) for f, w in self.product_weights.items()}
        self.unit_product: list[int] = [0]
        self.unit_owner: list[int] = [0]
        self.unit_family: list[str] = [""]
        self.unit_install: list[int] = [0]
        self.unit_warranty: list[int] = [0]
        self.unit_serial: list[str] = [""]
        self.customer_units: dict[int, list[int]] = {}
        self.party_by_id = {p.id: p for p in self.customers}
        serials: set[tuple[int, str]] = set()
        rows, own = w.rows["unit"], w.rows["unit_ownership"]
        for party, count in zip(self.customers, per):
            fam_keys = list(party.families)
            fam_w = [party.families[k] for k in fam_keys]
            units = self.customer_units.setdefault(party.id, [])
            for family in weighted(rng, fam_keys, fam_w, count):
                pid = self._choose(self.products[family], product_cum[family])
                _, _, _, pattern, warranty = self.product_info[pid]
                while True:
                    serial = self._serial(pattern)
                    if (pid, serial) not in serials:
                        serials.add((pid, serial))
                        break
                first = max(party.since, 1)
                install = first + int((cal.today - 7 - first) * rng.random())
                install = cal.working_day_from(install)
                install_date = cal.dates[install]
                warranty_end = units_service.warranty_end_for(install_date, warranty)
                site = self._pick(fams[family]["sites"])
                address, city, prov = party.address, party.city, party.province
                if rng.random() < 0.08:
                    place = self._choose(self.places, self.place_cum)
                    city, prov = place[0], place[1]
                    address = f"{self._pick(places()['streets'])} {self._rr(1, 120)}"
                    site = f"Filiale di {city} – {site}"
                uid = w.new_id("unit")
                created = cal.ts(install * 1440 + 600)
                rows.append((uid, w.uuid(), created, created, 1, pid, serial, party.id,
                             cal.iso[install], warranty_end.isoformat(), site, address, city, prov,
                             "", 0))
                own.append((w.new_id("unit_ownership"), w.uuid(), created, created, 1, uid,
                            party.id, cal.iso[install], None))
                self.unit_product.append(pid)
                self.unit_owner.append(party.id)
                self.unit_family.append(family)
                self.unit_install.append(install)
                self.unit_warranty.append(cal.day(warranty_end) if warranty_end <= cal.dates[-1]
                                          else len(cal.dates))
                self.unit_serial.append(serial)
                units.append(uid)
            party.families = {}
            for uid in units:
                f = self.unit_family[uid]
                party.families[f] = party.families.get(f, 0) + 1
