"""Checks that the Python clients researchers use read every format copgraph's /sparql answers in.

Usage: python3 clients.py http://localhost:PORT
Exits 0 when every check passes; prints one line per check.
"""
import sys
import urllib.request

from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, TURTLE, JSONLD, N3, RDFXML, POST, GET
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore

base = sys.argv[1].rstrip("/")
endpoint = base + "/sparql"
COP = "https://w3id.org/copgraph/ontology#CommunityOfPractice"
URBANA = "https://w3id.org/copgraph/id/cop/urbana"
SELECT = "SELECT ?cop WHERE { ?cop a <%s> } ORDER BY ?cop" % COP
ASK = "ASK { <%s> a <%s> }" % (URBANA, COP)
CONSTRUCT = "CONSTRUCT { ?cop a <%s> } WHERE { ?cop a <%s> }" % (COP, COP)
DESCRIBE = "DESCRIBE <%s>" % URBANA
failures = []


def check(name, ok):
    print(("ok   " if ok else "FAIL ") + name)
    if not ok:
        failures.append(name)


def wrapper(query, fmt, method=GET):
    s = SPARQLWrapper(endpoint)
    s.setQuery(query)
    s.setReturnFormat(fmt)
    s.setMethod(method)
    return s.query()


for method in (GET, POST):
    m = "GET" if method == GET else "POST"
    res = wrapper(SELECT, JSON, method).convert()
    check("SPARQLWrapper %s SELECT json" % m, URBANA in [b["cop"]["value"] for b in res["results"]["bindings"]])
    xml = wrapper(SELECT, XML, method).convert()
    check("SPARQLWrapper %s SELECT xml" % m, URBANA in xml.toxml())
    csv = wrapper(SELECT, CSV, method).convert().decode("utf-8")
    check("SPARQLWrapper %s SELECT csv" % m, csv.startswith("cop") and URBANA in csv)
    tsv = wrapper(SELECT, TSV, method).convert().decode("utf-8")
    check("SPARQLWrapper %s SELECT tsv" % m, tsv.startswith("?cop") and "<%s>" % URBANA in tsv)
    check("SPARQLWrapper %s ASK json" % m, wrapper(ASK, JSON, method).convert()["boolean"] is True)
    check("SPARQLWrapper %s ASK xml" % m, "true" in wrapper(ASK, XML, method).convert().toxml())

# SPARQLWrapper 1.8.5 refuses JSON-LD unless the retired rdflib-jsonld plugin is installed (rdflib 6
# parses JSON-LD itself), so JSON-LD is checked below as plain HTTP + rdflib.
for fmt, label in ((TURTLE, "turtle"), (RDFXML, "rdf/xml"), (N3, "n3")):
    for query, kind in ((CONSTRUCT, "CONSTRUCT"), (DESCRIBE, "DESCRIBE")):
        g = wrapper(query, fmt).convert()
        if not isinstance(g, rdflib.Graph):
            g2 = rdflib.Graph()
            data = g.decode("utf-8") if isinstance(g, bytes) else g
            g2.parse(data=data, format={"turtle": "turtle", "json-ld": "json-ld", "n3": "n3"}.get(label, "xml"))
            g = g2
        check("SPARQLWrapper %s %s" % (kind, label), (rdflib.URIRef(URBANA), None, None) in g)

# N-Triples, TriG and N-Quads, fetched as a plain HTTP client would and parsed by rdflib.
for accept, fmt in (("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                    ("application/trig", "trig"), ("application/n-quads", "nquads")):
    req = urllib.request.Request(endpoint + "?query=" + urllib.parse.quote(CONSTRUCT), headers={"Accept": accept})
    body = urllib.request.urlopen(req).read().decode("utf-8")
    if fmt in ("trig", "nquads"):
        d = rdflib.Dataset()
        d.parse(data=body, format=fmt)
        n = len(list(d.quads((None, None, None, None))))
    else:
        g = rdflib.Graph()
        g.parse(data=body, format=fmt)
        n = len(g)
    check("rdflib parses CONSTRUCT as " + accept, n >= 3)

# rdflib's own SPARQL store, as a researcher would point it at an endpoint.
store = SPARQLStore(endpoint)
rows = list(store.query(SELECT))
check("rdflib SPARQLStore SELECT", rdflib.URIRef(URBANA) in [r[0] for r in rows])
check("rdflib SPARQLStore ASK", bool(store.query(ASK).askAnswer))

if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("all client checks passed")
