#!/usr/bin/env bash
# Restauration d'une sauvegarde de scripts/backup.sh dans une base neuve et un dossier de
# fichiers : la base cible ne doit pas exister (elle est créée) et le dossier doit être vide
# ou absent, pour qu'une restauration n'écrase jamais un site en service. Voir docs/deploy.md.
#
#   scripts/restore.sh var/backups/aimf-20261201T210000Z \
#       postgres://postgres@127.0.0.1:5432/aimf_restauree /srv/aimf/media-restauree
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "Usage : $0 <dossier de sauvegarde> <URL de la base cible> <dossier des fichiers cible>" >&2
    exit 2
fi
backup="$1"
target_url="$2"
target_media="$3"

(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || {
    echo "Sommes SHA-256 fausses dans $backup : sauvegarde abîmée, rien n'est restauré." >&2
    exit 1
}
if [ -d "$target_media" ] && [ -n "$(ls -A "$target_media")" ]; then
    echo "Le dossier $target_media n'est pas vide : choisissez un dossier neuf." >&2
    exit 1
fi

# postgres://utilisateur@hôte:port/base : la base est la fin de l'URL, sans paramètres.
target_database="${target_url##*/}"
target_database="${target_database%%\?*}"
server_url="${target_url%/*}/postgres"
if [[ ! "$target_database" =~ ^[a-z_][a-z0-9_]*$ ]]; then
    echo "Nom de base inattendu : « $target_database » (lettres minuscules, chiffres, _)." >&2
    exit 1
fi
if [ -n "$(psql --dbname="$server_url" --tuples-only --no-align \
    --command="SELECT 1 FROM pg_database WHERE datname = '$target_database'")" ]; then
    echo "La base $target_database existe déjà : choisissez un nom neuf." >&2
    exit 1
fi
createdb --maintenance-db="$server_url" "$target_database"
pg_restore --no-owner --no-privileges --exit-on-error --jobs=2 --dbname="$target_url" \
    "$backup/database.dump"
psql --dbname="$target_url" --quiet --command="ANALYZE"

mkdir -p "$target_media"
tar --extract --gzip --file="$backup/media.tar.gz" --directory="$target_media"
echo "Restauration terminée : base $target_database, fichiers dans $target_media."
