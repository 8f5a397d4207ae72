-- Every policy node has a conformed theme with its evidence.
select policy_id, title
from dim_policy
where theme is null or theme = '' or theme_evidence is null or theme_evidence = '';
