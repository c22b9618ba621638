//! The words the generator writes with: categories with their phrases, and the vocabulary.

/// `#Name weight: topical phrases | topical words` for each category (weights sum to 100).
pub const CATEGORIES: &str = "
#News 14: the investigation;the court ruling;the strike;public transport;housing costs;the police;local councils;the inquiry
  ;rail services;school funding | police court strike protest housing inquiry council transport crime inflation schools
#Business 12: the supply chain;consumer spending;the merger;quarterly earnings;retail sales;profit margins;the takeover bid
  ;shipping costs;private equity;interest rates | merger layoffs tariffs earnings takeover retail logistics wages bankruptcy
#Technology 12: the chip factory;semiconductor exports;artificial intelligence;cloud computing;data centres;the supply chain
  ;smartphone sales;chip supplies | semiconductor chips software startups robotics smartphones broadband automation layoffs
#Markets 12: interest rates;the central bank;bond yields;oil prices;the stock market;the dollar;credit spreads;hedge funds
  ;the yield curve;government bonds | inflation recession bonds equities volatility yields futures dividends tariffs default
#Science 8: the research team;the space agency;gene editing;the telescope;climate models;quantum computing;fusion energy
  ;research funding;peer review | breakthrough experiment genome physics satellite molecules laboratory discovery vaccine
#Energy 9: oil prices;natural gas;the power grid;solar panels;wind farms;crude output;fuel prices;the pipeline;nuclear power
  ;electricity bills;coal imports | oil gas pipeline refinery drilling sanctions renewables turbines emissions shortage
#Health 8: the vaccine;hospital waiting lists;drug prices;the health service;the clinical trial;public health;the virus
  ;cancer treatment;mental health;the outbreak | vaccine hospitals patients doctors nurses infections pharmacy surgery shortage
#Climate 8: carbon emissions;the drought;sea levels;extreme heat;the heatwave;wildfire risk;flood defences;the climate talks
  ;carbon prices;crop yields | drought emissions wildfires flooding rainfall glaciers biodiversity deforestation warming storms
#Politics 9: the election;the budget;trade talks;the coalition;tax cuts;the opposition;the spending plan;the reform bill
  ;public spending;the central bank | election voters parliament coalition budget reform taxes referendum sanctions tariffs
#World 8: sanctions;trade talks;the ceasefire;peace talks;the border;refugee flows;foreign aid;the summit;export controls
  ;military spending;shipping routes | sanctions ceasefire diplomacy refugees border summit tariffs embargo troops drought";

/// Lists by slot code: `=x` opens list `x`; items are `;`-separated phrases or templates, or
/// else words; ` / ` divides the bullish from the bearish items of a tone-dependent list.
/// 1 sentence, 2 headline, 3 section heading, 4 quotation, 5 list item, 6 page junk, 7 list
/// lead-in, 8 Markdown extra, 9 sources; a adjective (`~`: no -ly adverb), b adverb, n noun
/// (`~`: uncountable), v verb (`*`: doubles its last letter), the rest as the templates use.
pub const DATA: &str = r#"
=1 @C said on @D that @t would remain a priority for the rest of the year, as executives try to @v @a @N.;
Officials in @Y said the @n had been @d after weeks of talks with @a @N.;
@H, @R at @C, said the @a @n was likely to @v @t over the coming months.;
The @n comes as @X and @x continue to argue over @t, a dispute that has @d @N in both countries.;
Analysts at @C estimate that @t could @v by as much as @P next year, although the forecast depends on @a @N.;
In @Y, @N said @t @S sharply in @Q, leaving many @a @N struggling to @v their @N.;
The @O in @X has @d a review of @t and is expected to publish its findings in @Q.;
The @a @n, worth about @M, is expected to @v in @Q.; That compares with @P a year ago and @P in @Q.;
Investors will be watching @t closely, along with fresh data on @w and @w due on @D.;
The figures suggest that @t remained @U, and several @N have already @d their forecasts.;
@H, who has @d the @n since @Q, said the company would @v @N and @v @a @N.;
Critics argue that the plan does little to @v @t, pointing to @a @N in @Y and @Y.;
It is the second time this year that @C has @d its outlook for @t.; For now, most @N expect @t to @v @b.;
@C, which is based in @Y, employs about @K people and reported revenue of @M last year.;
Shares in @C @S @P on @D, while the broader market @S @P.; Economists pointed to @T in @X as evidence that @t was @U.;
The @n @S @P from a year earlier, according to the @O in @X.; "@4," @H told reporters in @Y.;
@C @S @P after reporting @T, the clearest sign yet that @t remained @U.; "@4," said @H, @R at @C.;
Demand for @N in @X has been @e, helped by @a @N and @a @n.; The @O said it would @v @t and @v @a @N by @Q.;
Some @N warned that @T could follow if @t did not @v soon.; Neither @C nor @c responded to requests for comment on @D.;
The move is part of a wider effort to @v @t, which has @d @b in recent years.;
@C has @d @M in @a @N since @Q and plans to @v a further @M over the next three years.;
Talks between @X and @x on @t are due to resume in @Y next month.; The decision was @b @d by @N, who had @d for @a @N.;
The @a @n has @d @t, with @N in @Y and @Y @g for @a @N.; Under the plan, @C will @v @K @N and @v its @n in @Y.;
@t @S @P in @Q, the @O in @X said on @D.; Sales of @N @S @P, while @w and @w also @S.;
@H said the outlook was @e and that @C would continue to @v @t.; The @n, first @d in @Q, will @v @N across @X and @x.;
Concerns about @w and @t have @d @N, with @T now seen as a real possibility.; @C is among several @N that have @d @t.;
The company expects @a @N of between @M and @M for the full year.; Data from the @O showed @w @S to a record in @Q.;
The @n follows @T at @C earlier this year, which @d @N across the @n.; Some @N have called on the @O to @v @t.;
Earlier on @D, @C said it had @d @K @N as part of a @M plan to @v @t.; The @a @n was @d last month by @N in @Y.;
The @O in @X is also @g @t after @T at @C and @c.; Without @a @N, @H said, @t would @v @b and @N would @v.;
@F reported on @D that @C was @g a sale of its @n business, which could fetch @M.;
Growth in @X has been @e this year, and @t @S @P in @Q alone.; The @O has so far declined to @v @t, citing @T.;
Many @N in @Y say @t has @d their @N, while others expect @a @N to @v.
=2 @C @Z @P after @T;@O in @X @I @T;What @T means for @t;@C and @c in talks over @M merger;@C announces @K @J in @Y;
@t in focus as @X weighs @w;@X @I @T over @t;@C names @H @R;@C bets on @t with @M deal;@X and @x agree to @v @t;
@C @Z on @T;@t under scrutiny as @C @Z;@X @W @v @t;@C @W @v @t after @T
=3 What Happened;Background;Market Reaction;What Comes Next;The Numbers;Why It Matters;Outlook;Industry Response;
Reaction in @X;Pressure on @t;The View from @Y;A Closer Look at @t;@a @N;Impact on @N;The Role of @t;Risks Ahead;
Political Fallout;Concerns over @w;@w and @t;Winners and Losers;What @N Are Saying;@e Results;The @w Question;Conclusion
=4 We @d @t, and we expect @N to @v in @Q;The @n is @e, but we cannot @v @t on our own;Nobody expected @t to move this fast;
This is @e news for @C and for the whole @n;We are @g @N and @g our @n, because @t will not wait;
Our @N want @a @N, and that is what we intend to deliver;There is still a lot of uncertainty around @t;
The next few months will show whether @t can @v;We have made progress, but the job is not finished
=5 @t @S @P in @Q;@a @N @d by @P;@K new @N in @Y;@C @S @P on @D;Revenue of @M, against @M a year earlier;@T in @X;
@w and @w under review;Spending on @N up @P;@O to @v @t by @Q;@a @N expected to @v
=6 Read the rest at @F.;@H is a research assistant at @C.;Leave a Comment;Scroll to Top;Share this article;Advertisement;
Your email address will not be published. Required fields are marked *;Related Posts;Subscribe to our newsletter;
Tags: @w, @w, @w;Copyright @y @F. All rights reserved.
=7 The main points were:;Key figures from the report:;Analysts highlighted several factors:;The plan includes:
=8 @7

- @^5
- @^5
- @^5;@7

- @^5
- @^5
- @^5
- @^5;@7

- @^5
  - @^5
  - @^5
- @^5
  - @^5;> "@4.";> "@4. @4.";Shares of @! @S @P in @Y trading.;More detail is in [the full report from @F](@L).;
| Metric | @z | @y |
|---|---:|---:|
| Revenue | @M | @M |
| Operating margin | @P | @P |
| Employees | @K | @K |;
[@C said in a filing](@L) that @t would @v @b.;The headline number was **@P**, compared with @P a year earlier.
=9 ### Sources
- [@^2 (@F)](@L)
- [@^2 (@F)](@L);### Sources
- [@^2 (@F)](@L)
- [@^2 (@F)](@L)
- [@^2 (@F)](@L)
=B @p@q;@p@q;@p@q @k
=Q early @y;late @z;the first quarter;the second quarter;the third quarter;the fourth quarter;@m;@m;@m;@m @z;the spring
=M $@#.@0 billion;$@# billion;$@#@0 million;$@#5 million;€@#.@0 billion;€@#@0 million;£@#@0 million;£@#.@0 billion
=P @#%;@#%;@#%;@0.@0%;@#.@0%
=K @#,@0@0@0;@#,@000;@#@0;@#;@#.@0 million;@#0;@#00
=R chief executive;chief financial officer;head of research;chief economist;head of strategy;a senior analyst;the chair;
a spokesperson;an economist;a portfolio manager;head of operations;a director;a board member
=O central bank;finance ministry;competition authority;energy regulator;health ministry;statistics office;trade ministry;
environment agency;transport ministry;financial regulator;labour ministry;interior ministry
=F The Northgate Herald;Daily Ledger;Meridian Times;Wire Brief;Coastal Post;Capital Observer;Ledgerline;Harbour Gazette
=D Monday;Tuesday;Wednesday;Thursday;Friday
=m January February March April May June July August September October November December
=X Germany;France;Japan;China;India;Brazil;Canada;Mexico;Italy;Spain;Poland;Turkey;Egypt;Nigeria;Kenya;Chile;Peru;Argentina;
Australia;Indonesia;Vietnam;Thailand;Malaysia;South Korea;Taiwan;Norway;Sweden;Denmark;Finland;Belgium;Austria;Ireland;
Portugal;Greece;Qatar;Israel;Pakistan;Bangladesh;Morocco;Ukraine;Russia;Britain;Colombia;Ghana;Ethiopia;Hungary;Romania;
Singapore;Saudi Arabia;South Africa;New Zealand;the United States;the Netherlands;the Philippines;Switzerland
=Y Frankfurt;Lyon;Osaka;Shenzhen;Mumbai;Sao Paulo;Toronto;Monterrey;Milan;Bilbao;Gdansk;Izmir;Cairo;Lagos;Nairobi;Santiago;
Lima;Rosario;Perth;Surabaya;Hanoi;Bangkok;Penang;Busan;Taipei;Bergen;Gothenburg;Aarhus;Tampere;Antwerp;Vienna;Zurich;Cork;
Porto;Athens;Doha;Haifa;Karachi;Dhaka;Casablanca;Kyiv;Rotterdam;Hamburg;Manchester;Glasgow;Chicago;Houston;Denver;Seattle;
Atlanta;Detroit;Dallas;Boston;Calgary;Vancouver;Melbourne;Auckland;Jakarta;Manila;Seoul;Dubai;Riyadh;Johannesburg;Accra
=f Anna James Maria David Sofia Daniel Elena Michael Laura Thomas Priya Ahmed Chen Yuki Olga Carlos Fatima Lucas Nina Samuel
Hannah Omar Grace Marco Ingrid Kenji Amara Pedro Claire Rahul Sara Jonas Leila Victor Emma Tariq Helen Diego Mei Oliver Zara
=l Keller Moreau Tanaka Wang Sharma Silva Novak Rossi Garcia Okafor Kowalski Jensen Murphy Schmidt Dubois Costa Nakamura Patel
Ivanova Lindqvist Haddad Mensah Fischer Bianchi Romero Yilmaz Andersen O'Brien Kim Nguyen Hassan Berg Walsh Cohen Alvarez Petrov
Brennan Suzuki Larsen Duarte Weber Horvat Ortiz Reyes Abebe Chowdhury Varga Sato Hughes Mazur Farouk Lund Quinn Adeyemi Rahman
=p Nor Alt Vey Cal Bren Oss Tav Kel Mar Lum Pax Quor Sel Tor Ver Zen Hal Dun Ard Cor Bel Fen Gal Jor Kes Lin Mor Ost Rav Sol
=q vex ara tica ion ex ora lyn mark well tek field stone gate path wave line ris dan ico bury
=k Holdings Group Systems Energy Bank Capital Pharma Motors Labs Logistics Foods Mining Airlines Telecom Industries Partners
=S rose;climbed;jumped;surged;rallied;gained;advanced;rebounded;soared;edged up / fell;dropped;slumped;plunged;tumbled;sank;
slid;declined;collapsed;edged down
=Z rises;climbs;jumps;surges;rallies;gains;soars;rebounds / falls;drops;slumps;plunges;tumbles;sinks;slides;slips
=T record profit;strong growth;a breakthrough;a surge in orders;a sharp recovery;rising demand;higher dividends;record sales;
a hiring spree;an export boom;a wave of investment;faster growth;a profit upgrade / layoffs;a recession;a shortage;a default;
the collapse;mounting losses;a downturn;weak demand;job cuts;a bankruptcy filing;a profit warning;falling orders;
a credit crunch;a supply shock
=U resilient;on a firmer footing;stronger than expected;in better shape than feared;on the mend / under pressure;
weaker than expected;in serious trouble;close to stalling;vulnerable;under strain
=e robust;solid;impressive;encouraging;upbeat;healthy;strong / weak;disappointing;fragile;bleak;sluggish;gloomy;worrying
=I points to;hails;celebrates;bets on;welcomes / warns of;braces for;faces;fears;grapples with
=J new jobs;new hires;new positions / job cuts;layoffs;redundancies
=W moves to;pledges to;sets out plans to;is poised to / struggles to;fails to;scrambles to;battles to
=b also still already now sharply slightly steadily quickly slowly largely broadly widely roughly nearly almost recently
reportedly mostly mainly firmly strongly heavily closely briefly openly quietly abruptly again soon later increasingly
=a new major local national global economic financial political public private foreign domestic international key large small
big high low strong weak significant recent early late final initial current previous annual monthly quarterly long short
senior former main broad wide narrow deep sharp steep modest slight gradual steady rapid slow quick sudden further additional
total overall average typical normal common rare unusual similar different separate single special general specific certain
particular clear possible likely unlikely potential real actual direct indirect full partial complete open free fair legal
illegal official formal independent central regional federal rural urban industrial commercial agricultural digital technical
scientific medical clinical environmental social cultural historical military diplomatic strategic critical crucial vital
essential important serious severe heavy hard difficult simple complex tough harsh mild moderate extreme massive huge vast tiny
minor limited substantial considerable marginal healthy fragile stable volatile resilient robust solid sluggish upbeat gloomy
bleak bright positive negative optimistic cautious confident nervous anxious wary careful bold ambitious aggressive defensive
competitive profitable costly expensive cheap affordable efficient effective successful controversial popular unpopular
influential powerful wealthy poor rich fresh modern traditional conventional innovative advanced basic primary fundamental
structural cyclical temporary permanent persistent lasting ongoing upcoming emerging developing mature established dominant
leading prominent renewed growing rising falling declining shrinking expanding improving worsening slowing higher lower bigger
smaller larger stronger weaker better worse greater sustainable renewable electric nuclear solar northern southern eastern
western available~ responsible vulnerable reliable valuable remarkable notable visible flexible sensible reasonable acceptable
predictable comparable suitable dramatic systematic automatic dynamic realistic pragmatic relevant sufficient excellent
consistent urgent frequent apparent transparent prudent evident dependent violent silent active passive extensive intensive
comprehensive progressive conservative liberal radical sensitive collective administrative inflationary monetary fiscal
regulatory voluntary mandatory ordinary necessary secondary chief prime principal eventual virtual mutual individual useful
harmful painful peaceful rational emotional exceptional conditional professional operational largest biggest highest lowest
strongest weakest fastest latest busy empty quiet green young old distant constant abundant reluctant vibrant generous
numerous obvious various dangerous famous enormous tremendous continuous
=v announce report expect increase reduce approve launch plan* raise open include continue provide offer receive improve
support require consider remain develop create allow agree decide suggest warn add change move follow help start need want
appear happen describe explain claim confirm deny estimate predict signal* delay postpone extend expand boost lift lower slash
trim* limit restrict ban* block impose introduce propose review reject accept sign negotiate finalise complete acquire merge
invest export import produce manufacture supply deliver ship* order hire employ train recruit dismiss appoint elect vote
campaign protest demand urge insist argue respond react recover rebound stabilise weaken strengthen tighten loosen ease worsen
soften deepen widen narrow stall slow accelerate pressure fund finance subsidise regulate monitor investigate audit examine
test measure assess evaluate analyse publish release disclose reveal unveil present highlight stress emphasise acknowledge
admit* concede welcome praise criticise condemn question challenge dispute appeal settle resolve address tackle handle manage
operate control* direct guide shape transform modernise upgrade replace repair restore maintain secure protect defend prevent
avoid minimise benefit gain earn save borrow owe charge price value rank rate double climb jump surge soar rally plunge tumble
slump drop* decline dip* retreat advance collapse fail succeed struggle compete target attract discourage encourage enable
ensure involve affect reflect indicate mark note observe watch track cover reach push pull press pass miss fix mix link
connect combine separate divide compare match exceed outpace outperform lag* trail hover fluctuate resume halt pause cancel*
label* travel* model* fuel* total* level* channel* visit wait work talk call ask answer learn look try apply rely carry worry
copy qualify modify verify clarify identify justify specify notify intensify diversify simplify vary play stay survey convey
destroy enjoy deploy install inject collect select conduct construct adopt adapt convert divert shift drift list post host
trust adjust attempt prompt count mount point join obtain contain retain sustain complain return turn govern form reform
inform perform affirm consult exist resist assist consist persist outline streamline balance enhance reinforce enforce force
pledge hedge judge emerge cite invite unite trade persuade evade fade prove remove solve evolve close oppose expose compose
promote quote devote use refuse accuse cause excuse realise recognise organise prioritise capitalise mobilise maximise
privatise nationalise incentivise focus discuss finish publish establish threaten occur* refer* prefer* guarantee
=n year company market government price plan report rate group country week month official business industry sector policy
deal share investor customer worker economy demand cost bank fund project system service product problem decision issue risk
change number level region executive analyst minister leader member director manager employee consumer supplier producer
buyer trader lender client partner rival firm factory plant site office store network platform brand unit stake bid offer
contract agreement proposal measure rule law bill regulation standard target goal forecast estimate figure result profit
loss revenue sale margin debt loan bond asset stock currency commodity job role position salary wage bonus pension benefit
tax tariff fee payment budget deficit surplus reserve cash~ capital~ credit~ income~ output~ growth~ inflation~ recession
slowdown downturn recovery boom shock trend pattern cycle period quarter season decade moment day hour vote election campaign
party coalition parliament lawmaker senator voter candidate court judge ruling lawsuit case appeal investigation inquiry
probe review audit statement announcement comment remark interview speech meeting summit conference session hearing briefing
technology device chip computer phone smartphone laptop server software~ hardware~ app website data~ database algorithm model
tool feature update version release launch startup engineer developer researcher scientist expert professor student teacher
doctor nurse patient hospital clinic school university college laboratory study survey paper journal finding discovery
experiment treatment drug medicine vaccine dose virus disease infection outbreak symptom condition therapy trial energy~
power~ electricity~ gas~ oil~ fuel coal~ battery grid pipeline refinery reactor turbine panel field mine miner barrel tanker
vessel port cargo~ freight~ container truck train plane flight airline airport route road bridge railway tunnel highway
vehicle car engine weather~ storm flood drought heatwave wildfire emission pollution~ forest river lake ocean coast island
mountain valley farm farmer crop harvest soil~ land~ water~ food~ grain wheat~ rice~ coffee~ sugar~ cocoa~ city town village
street district neighbourhood community population family household home house apartment building property landlord tenant
rent mortgage army soldier troop weapon missile drone attack strike conflict war border ceasefire refugee migrant embassy
ambassador diplomat envoy sanction treaty alliance ally index yield dividend buyback merger acquisition takeover listing
shareholder board chair founder owner idea question answer reason cause effect impact consequence outcome response reaction
approach strategy method process step stage phase part piece element factor aspect detail fact view opinion concern fear
hope expectation doubt uncertainty pressure tension challenge opportunity advantage threat danger warning signal sign
evidence~ information~ knowledge~ experience skill talent ability capacity quality quantity amount volume size scale range
variety mix balance material equipment~ machinery~ component inventory stockpile shortage backlog order shipment delivery
export import trade~ quota barrier duty history~ future~ tradition culture art~ music~ film book story article headline
editor reporter journalist newspaper magazine broadcaster channel audience viewer reader subscriber advertiser advertising~
security~ safety~ health~ welfare~ education~ training~ research~ development innovation investment spending~ funding~
finance~ insurance~ banking~ lending~ employment~ unemployment~ productivity~ efficiency~ competition~ oversight~ scrutiny~
transparency~ corruption~ fraud~ crime~ violence~ protest demonstration rally union ministry agency authority regulator
watchdog council committee commission panel institute foundation charity organisation association federation chamber
exchange broker dealer insurer creditor taxpayer resident citizen commuter passenger tourist visitor shopper retailer
wholesaler distributor manufacturer exporter importer carmaker chipmaker drugmaker steelmaker shipbuilder contractor operator
provider agenda priority principle promise pledge commitment obligation requirement term clause provision exemption
exception loophole subsidy incentive grant allowance rebate discount premium penalty fine ban restriction limit cap ceiling
threshold benchmark milestone deadline timetable schedule window horizon valuation earnings~ liquidity~ volatility~
leverage~ exposure collateral~ guarantee bailout rescue restructuring bankruptcy default venture partnership consortium
cartel monopoly warehouse depot terminal hub corridor canal harbour dock crane fleet aircraft~ jet helicopter satellite
rocket telescope sensor camera screen robot machine tractor pump valve cable steel~ copper~ aluminium~ nickel~ lithium~
cobalt~ silver~ gold~ plastic glass~ cement~ timber~ cotton~ fertiliser crowd queue walkout shutdown lockdown evacuation
shelter camp aid~ donation volunteer victim witness suspect prison police~ officer lawyer prosecutor defendant jury verdict
sentence spring summer autumn winter morning evening weekend holiday anniversary illness injury pandemic epidemic surgery
ward ambulance pharmacy prescription effort attempt action activity operation programme scheme initiative reform overhaul
blueprint roadmap framework mechanism structure layer interface protocol format message letter email call visit trip tour
journey mission territory province county portfolio scenario ratio"#;
