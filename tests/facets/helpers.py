"""What the facet tests read from a listing's HTML."""

import re

from bs4 import BeautifulSoup

LISTING = "/culture-patrimoine/publications/"


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(soup, container="#filtre-resultats"):
    return {link.get_text(strip=True) for link in soup.select(f"{container} .card__title a")}


def facet_options(soup, parameter, form="form[data-facet-form]"):
    """{value: (label, count, checked)} for one facet of the first facet form on the page."""
    options = {}
    for box in soup.select_one(form).select(f"input[name={parameter}]"):
        label = soup.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True)
        name, count = re.fullmatch(r"(.+) \((\d+)\)", label).groups()
        options[box["value"]] = (name, int(count), box.has_attr("checked"))
    return options


def status_text(soup, status_id="filtre-statut"):
    return soup.find(id=status_id).get_text(" ", strip=True)
