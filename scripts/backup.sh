#!/usr/bin/env bash
# Sauvegarde du portail : la base PostgreSQL (pg_dump au format custom) et les fichiers
# envoyés (MEDIA_ROOT, en tar.gz), dans un dossier horodaté aimf-AAAAMMJJTHHMMSSZ/ avec les
# sommes SHA-256 des deux fichiers. Voir docs/deploy.md.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/aimf/media scripts/backup.sh [dossier]
#
# Le dossier de destination vaut BACKUP_DIR, sinon var/backups. Le chemin de la sauvegarde
# est la dernière ligne affichée.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL doit désigner la base à sauvegarder (postgres://…)}"
: "${MEDIA_ROOT:?MEDIA_ROOT doit désigner le dossier des fichiers envoyés}"
destination_root="${1:-${BACKUP_DIR:-var/backups}}"

if [ ! -d "$MEDIA_ROOT" ]; then
    echo "MEDIA_ROOT n'existe pas : $MEDIA_ROOT" >&2
    exit 1
fi

backup="$destination_root/aimf-$(date -u +%Y%m%dT%H%M%SZ)"
if [ -e "$backup" ]; then
    echo "La sauvegarde $backup existe déjà : relancez dans une seconde." >&2
    exit 1
fi
mkdir -p "$backup"
trap 'rm -rf "$backup"; echo "Sauvegarde interrompue : rien n’est gardé." >&2' ERR

# Une image cohérente de la base, prise sans bloquer le site (pg_dump lit une transaction).
pg_dump --format=custom --no-owner --no-privileges --file="$backup/database.dump" \
    --dbname="$DATABASE_URL"
tar --create --gzip --file="$backup/media.tar.gz" --directory="$MEDIA_ROOT" .
(cd "$backup" && sha256sum database.dump media.tar.gz > SHA256SUMS)
echo "Sauvegarde terminée : base $(du -h "$backup/database.dump" | cut -f1)," \
    "fichiers $(du -h "$backup/media.tar.gz" | cut -f1)."
echo "$backup"
