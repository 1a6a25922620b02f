-- What is loaded already: admin units, parcels, report figures.
SELECT (SELECT count(*) FROM admin_unit) AS admin_units,
       (SELECT count(*) FROM parcel) AS parcels,
       (SELECT count(*) FROM report_figure) AS figures
